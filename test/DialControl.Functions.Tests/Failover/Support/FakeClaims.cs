using DialControl.Functions.Failover;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Trigger claims with a scripted answer; records every claim asked for.</summary>
internal sealed class FakeClaims : ITriggerClaims
{
    public ClaimResult Answer { get; set; } = new(ClaimOutcome.Claimed, null, null);

    public List<(string Name, DateTimeOffset Now, TimeSpan MinInterval)> Claims { get; } = [];

    public Task<ClaimResult> TryClaimAsync(
        string executionName, DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        Claims.Add((executionName, now, minInterval));
        return Task.FromResult(Answer);
    }
}
