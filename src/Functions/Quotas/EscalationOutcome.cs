namespace DialControl.Functions.Quotas;

/// <summary>What the ladder did and what it recommends.</summary>
/// <param name="Actions">Actions taken (or, in a dry run, that would have been).</param>
/// <param name="Recommendations">Next steps for a person, in ladder order.</param>
internal sealed record EscalationOutcome(
    IReadOnlyList<EscalationAction> Actions, IReadOnlyList<QuotaRecommendation> Recommendations)
{
    /// <summary>Nothing done, nothing recommended.</summary>
    public static EscalationOutcome None { get; } = new([], []);
}
