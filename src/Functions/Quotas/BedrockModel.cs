namespace DialControl.Functions.Quotas;

/// <summary>
/// One Bedrock model as configured in <c>BEDROCK_MODELS</c>: where it runs, which quota codes hold its
/// limits there, how its output tokens burn quota, and where load could go instead.
/// </summary>
/// <param name="ModelId">
/// The <c>ModelId</c> dimension of its AWS/Bedrock metrics (model or inference profile id).
/// </param>
/// <param name="Regions">The regions it is watched in.</param>
/// <param name="TpmQuotaCode">The tokens-per-minute quota code, for every region without an override.</param>
/// <param name="RpmQuotaCode">The requests-per-minute quota code, or null to watch tokens only.</param>
/// <param name="RegionQuotaCodes">Per-region quota codes that replace the two above.</param>
/// <param name="OutputTokenMultiplier">Quota tokens one output token burns (AWS's burndown rate); default 1.</param>
/// <param name="Alternatives">Other regions or inference profiles that could take load, in order of preference.</param>
/// <param name="RequestCapTpm">
/// The largest TPM value DialControl may request for this model; null uses the global cap.
/// </param>
/// <param name="RequestCapRpm">
/// The largest RPM value DialControl may request for this model; null uses the global cap.
/// </param>
internal sealed record BedrockModel(
    string ModelId,
    IReadOnlyList<string> Regions,
    string TpmQuotaCode,
    string? RpmQuotaCode,
    IReadOnlyDictionary<string, RegionQuotaCodes> RegionQuotaCodes,
    double OutputTokenMultiplier,
    IReadOnlyList<QuotaAlternative> Alternatives,
    double? RequestCapTpm,
    double? RequestCapRpm)
{
    /// <summary>The TPM quota code in <paramref name="region"/>.</summary>
    public string TpmCodeIn(string region) =>
        RegionQuotaCodes.TryGetValue(region, out var codes) ? codes.TpmQuotaCode : TpmQuotaCode;

    /// <summary>The RPM quota code in <paramref name="region"/>, or null when RPM is not watched there.</summary>
    public string? RpmCodeIn(string region) =>
        RegionQuotaCodes.TryGetValue(region, out var codes) ? codes.RpmQuotaCode : RpmQuotaCode;
}
