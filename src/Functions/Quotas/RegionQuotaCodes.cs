namespace DialControl.Functions.Quotas;

/// <summary>The quota codes of a model in one region, where they differ from the model's defaults.</summary>
/// <param name="TpmQuotaCode">The tokens-per-minute quota code.</param>
/// <param name="RpmQuotaCode">The requests-per-minute quota code, or null to watch tokens only.</param>
internal sealed record RegionQuotaCodes(string TpmQuotaCode, string? RpmQuotaCode);
