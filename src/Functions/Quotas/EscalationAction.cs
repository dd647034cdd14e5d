namespace DialControl.Functions.Quotas;

/// <summary>Something DialControl did (or, in a dry run, would have done) about an exhausted quota.</summary>
/// <param name="Type">Today only <c>QuotaIncreaseRequested</c>.</param>
/// <param name="Region">The quota's region.</param>
/// <param name="QuotaCode">The quota.</param>
/// <param name="FromValue">The value before.</param>
/// <param name="DesiredValue">The value asked for.</param>
/// <param name="RequestId">The Service Quotas request id; null in a dry run.</param>
/// <param name="Status">The request's status (PENDING, CASE_OPENED, ...); null in a dry run.</param>
/// <param name="DryRun">True when nothing was requested.</param>
/// <param name="Message">The action in words.</param>
internal sealed record EscalationAction(
    string Type,
    string Region,
    string QuotaCode,
    double FromValue,
    double DesiredValue,
    string? RequestId,
    string? Status,
    bool DryRun,
    string Message)
{
    /// <summary>The type of a quota increase request.</summary>
    public const string IncreaseRequested = "QuotaIncreaseRequested";
}
