namespace DialControl.Functions.Quotas;

/// <summary>The measured state of one target: its quotas, its usage, and the level they give.</summary>
/// <param name="Target">The model and region.</param>
/// <param name="Usage">What CloudWatch saw.</param>
/// <param name="Tpm">The tokens-per-minute quota and its use.</param>
/// <param name="Rpm">The requests-per-minute quota and its use, when an RPM code is configured.</param>
/// <param name="Level">OK, WARNING or EXHAUSTED.</param>
/// <param name="Reason">Why, in words an on-call engineer can act on.</param>
internal sealed record QuotaAssessment(
    QuotaTarget Target, ModelUsage Usage, QuotaUse Tpm, QuotaUse? Rpm, QuotaLevel Level, string Reason)
{
    /// <summary>The quota closest to (or furthest past) its limit.</summary>
    public QuotaUse Binding => Rpm is not null && Rpm.SortKey > Tpm.SortKey ? Rpm : Tpm;

    /// <summary>Both quotas, TPM first.</summary>
    public IEnumerable<QuotaUse> Uses => Rpm is null ? [Tpm] : [Tpm, Rpm];
}
