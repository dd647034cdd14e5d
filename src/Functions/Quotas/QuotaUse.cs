namespace DialControl.Functions.Quotas;

/// <summary>One quota of a target and how much of it the peak minute used.</summary>
/// <param name="Kind">TPM or RPM.</param>
/// <param name="Quota">The quota as Service Quotas reports it.</param>
/// <param name="Peak">The peak per-minute usage (tokens or requests).</param>
/// <param name="UtilisationPercent">Peak over quota in percent; null when the quota is 0.</param>
internal sealed record QuotaUse(QuotaKind Kind, AppliedQuota Quota, double Peak, double? UtilisationPercent)
{
    /// <summary>At or above 100%, or a quota of 0.</summary>
    public bool IsExhausted => UtilisationPercent is null or >= 100;

    /// <summary>Sort key: a zero quota counts as infinitely used.</summary>
    public double SortKey => UtilisationPercent ?? double.PositiveInfinity;
}
