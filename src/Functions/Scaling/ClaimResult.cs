namespace DialControl.Functions.Scaling;

/// <summary>The answer of <see cref="ScaleClaimStore.TryClaimAsync"/>.</summary>
/// <param name="Status">Claimed, duplicate event, or node group locked by another event.</param>
/// <param name="Existing">For a duplicate: the earlier claim of the same event, when DynamoDB returned it.</param>
/// <param name="LockHolder">For a lock: the event key holding it, when known.</param>
/// <param name="LockedUntil">For a lock: when it lapses, when known.</param>
internal sealed record ClaimResult(
    ClaimStatus Status,
    ScaleClaimRecord? Existing = null,
    string? LockHolder = null,
    DateTimeOffset? LockedUntil = null)
{
    /// <summary>The claim was written; the change may go ahead.</summary>
    public static ClaimResult Claimed { get; } = new(ClaimStatus.Claimed);
}
