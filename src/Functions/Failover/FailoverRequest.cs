namespace DialControl.Functions.Failover;

/// <summary>The validated execution input.</summary>
/// <param name="TargetRegion">The region to activate; always this stack's region.</param>
/// <param name="Reason">Why, in the operator's words; carried into every announcement.</param>
/// <param name="DryRun">Plan only: return the plan and change nothing (default false).</param>
/// <param name="Force">Switch DNS even when the standby is unhealthy (default false).</param>
internal sealed record FailoverRequest(string TargetRegion, string Reason, bool DryRun, bool Force);
