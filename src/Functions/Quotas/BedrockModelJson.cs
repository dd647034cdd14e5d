namespace DialControl.Functions.Quotas;

/// <summary>One <c>BEDROCK_MODELS</c> entry as written; <see cref="BedrockModelsParser"/> validates it.</summary>
internal sealed class BedrockModelJson
{
    public string? ModelId { get; set; }

    public List<string>? Regions { get; set; }

    public string? TpmQuotaCode { get; set; }

    public string? RpmQuotaCode { get; set; }

    public Dictionary<string, RegionQuotaCodesJson>? RegionQuotaCodes { get; set; }

    public double? OutputTokenMultiplier { get; set; }

    public List<QuotaAlternativeJson>? Alternatives { get; set; }

    public double? RequestCapTpm { get; set; }

    public double? RequestCapRpm { get; set; }
}
