namespace DialControl.Functions.Quotas;

/// <summary>The last level recorded (and announced) for a target.</summary>
/// <param name="Level">The level.</param>
/// <param name="ChangedAt">When it was recorded.</param>
/// <param name="UtilisationPercent">The binding quota's utilisation then; null for a quota of 0.</param>
/// <param name="QuotaCode">The binding quota's code then.</param>
internal sealed record StoredQuotaLevel(
    QuotaLevel Level, DateTimeOffset ChangedAt, double? UtilisationPercent, string? QuotaCode);
