namespace DialControl.Functions.Quotas;

/// <summary>An <c>alternatives</c> entry as written in <c>BEDROCK_MODELS</c>.</summary>
internal sealed class QuotaAlternativeJson
{
    public string? Region { get; set; }

    public string? InferenceProfile { get; set; }

    public string? TpmQuotaCode { get; set; }

    public string? RpmQuotaCode { get; set; }
}
