namespace DialControl.Functions.Quotas;

/// <summary>
/// Somewhere a model's load could go when its quota is exhausted: the same model in another region,
/// or a cross-region inference profile (whose quota lives in the region the profile is called from).
/// </summary>
/// <param name="Region">The other region; null means the region being evaluated (for an inference profile).</param>
/// <param name="InferenceProfile">
/// The inference profile id, or null for the same model in <paramref name="Region"/>.
/// </param>
/// <param name="TpmQuotaCode">The tokens-per-minute quota code of the alternative.</param>
/// <param name="RpmQuotaCode">The requests-per-minute quota code of the alternative, or null.</param>
internal sealed record QuotaAlternative(
    string? Region, string? InferenceProfile, string TpmQuotaCode, string? RpmQuotaCode)
{
    /// <summary>
    /// The region the alternative's quota and metrics live in when the model is evaluated in <paramref
    /// name="from"/>.
    /// </summary>
    public string RegionFrom(string from) => Region ?? from;

    /// <summary>The <c>ModelId</c> dimension of the alternative's metrics.</summary>
    public string ModelIdFor(BedrockModel model) => InferenceProfile ?? model.ModelId;
}
