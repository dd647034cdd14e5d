namespace DialControl.Functions.Failover;

/// <summary>The outcomes of claiming the right to start a failover.</summary>
internal enum ClaimOutcome
{
    /// <summary>No failover started within the minimum interval: this incident may start one.</summary>
    Claimed,

    /// <summary>This incident already claimed it (a repeated delivery): starting again is idempotent.</summary>
    SameIncident,

    /// <summary>Another incident started a failover within the minimum interval.</summary>
    TooSoon,
}

/// <summary>What the last claim held, when a claim was refused.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="LastExecutionName">The execution name of the last claim, if any.</param>
/// <param name="LastStartedAt">When it was claimed, if any.</param>
internal sealed record ClaimResult(ClaimOutcome Outcome, string? LastExecutionName, DateTimeOffset? LastStartedAt);

/// <summary>
/// The trigger's record of the last started failover, written with a conditional write so that two
/// triggers racing for two incidents cannot both start one within the minimum interval.
/// </summary>
internal interface ITriggerClaims
{
    /// <summary>Claims the start for <paramref name="executionName"/> at <paramref name="now"/>.</summary>
    Task<ClaimResult> TryClaimAsync(
        string executionName, DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken);
}
