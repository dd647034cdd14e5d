namespace DialControl.Functions.Quotas;

/// <summary>A <c>regionQuotaCodes</c> value as written in <c>BEDROCK_MODELS</c>.</summary>
internal sealed class RegionQuotaCodesJson
{
    public string? TpmQuotaCode { get; set; }

    public string? RpmQuotaCode { get; set; }
}
