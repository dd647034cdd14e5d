namespace DialControl.Functions.Quotas;

/// <summary>What one run found and did for one target.</summary>
/// <param name="Target">The model and region.</param>
/// <param name="Assessment">The measurement; null when the target could not be measured.</param>
/// <param name="Previous">The level recorded before this run; null when none was.</param>
/// <param name="Announced">Whether this run announced a change.</param>
/// <param name="Escalation">What the ladder did and recommends.</param>
/// <param name="Error">Why the target failed; null on success.</param>
/// <param name="Retryable">
/// Whether running again may succeed (an AWS error), as opposed to a configuration error.
/// </param>
internal sealed record TargetOutcome(
    QuotaTarget Target,
    QuotaAssessment? Assessment,
    QuotaLevel? Previous,
    bool Announced,
    EscalationOutcome Escalation,
    string? Error,
    bool Retryable = false);
