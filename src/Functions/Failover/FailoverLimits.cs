namespace DialControl.Functions.Failover;

/// <summary>
/// The bounds of the workflow's three wait loops. The state machine reads them from the plan, so
/// they live in one place (the function's settings) and are validated at cold start.
/// </summary>
/// <param name="CapacityPollSeconds">Seconds between node group checks (default 30).</param>
/// <param name="CapacityMaxChecks">Node group checks before giving up (default 40: 20 minutes).</param>
/// <param name="HealthPollSeconds">Seconds between health checks (default 15).</param>
/// <param name="HealthMaxChecks">Health checks before giving up (default 8: 2 minutes).</param>
/// <param name="SyncPollSeconds">Seconds between Route 53 change status checks (default 10).</param>
/// <param name="SyncMaxChecks">Change status checks before giving up (default 30: 5 minutes).</param>
internal sealed record FailoverLimits(
    int CapacityPollSeconds,
    int CapacityMaxChecks,
    int HealthPollSeconds,
    int HealthMaxChecks,
    int SyncPollSeconds,
    int SyncMaxChecks);
