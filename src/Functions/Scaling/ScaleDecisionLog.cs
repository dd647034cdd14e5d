using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Writes a decision as one structured log line with fixed keys (the placeholders below) and as metrics:
/// <c>ScaleDecision</c> (1 per decision, dimensions Decision and NodeGroup) and <c>ScaleChange</c> (nodes
/// added or removed, dimensions NodeGroup and Direction, only when EKS was asked to change).
/// </summary>
internal static partial class ScaleDecisionLog
{
    /// <summary>The decision count metric.</summary>
    public const string DecisionMetric = "ScaleDecision";

    /// <summary>The change size metric.</summary>
    public const string ChangeMetric = "ScaleChange";

    /// <summary>The NodeGroup dimension when the payload named no node group.</summary>
    public const string NoNodeGroup = "none";

    /// <summary>Logs and counts <paramref name="outcome"/>.</summary>
    public static void Write(ILogger logger, IMetrics metrics, ScaleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(outcome);
        Decision(logger, outcome.Level, outcome.Decision, outcome.Delta, outcome.Nodegroup, outcome.Cluster,
            outcome.Alarm, outcome.AlarmState, outcome.AlarmType, outcome.Breach, outcome.Status, outcome.DesiredSize,
            outcome.MinSize, outcome.MaxSize, outcome.NewDesiredSize, outcome.ReasonCode, outcome.Reason,
            outcome.DryRun, outcome.Changed, outcome.Trigger, outcome.EventKey);
        var nodeGroup = outcome.Nodegroup ?? NoNodeGroup;
        metrics.Emit(new MetricPoint(DecisionMetric, 1, "Count", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Decision"] = outcome.Decision,
            ["NodeGroup"] = nodeGroup,
        }));
        if (outcome.Changed)
        {
            metrics.Emit(new MetricPoint(ChangeMetric, Math.Abs(outcome.Delta), "Count",
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["NodeGroup"] = nodeGroup,
                    ["Direction"] = outcome.Decision,
                }));
        }
    }

    [LoggerMessage(
        EventId = 4000,
        EventName = "ScaleDecision",
        Message = "Scale {decision} {delta} for node group {nodegroup} of cluster {cluster} on alarm {alarm} " +
            "({alarmState}, {alarmType}, breach {breach}): observed {status}, desired {desiredSize}, " +
            "min {minSize}, max {maxSize}; new desired {newDesiredSize}; {reasonCode}: {reason}; " +
            "dry run {dryRun}, changed {changed}; trigger {trigger}, event {eventKey}")]
    private static partial void Decision(
        ILogger logger,
        LogLevel level,
        string decision,
        int delta,
        string? nodegroup,
        string? cluster,
        string? alarm,
        string? alarmState,
        string? alarmType,
        double? breach,
        string? status,
        int? desiredSize,
        int? minSize,
        int? maxSize,
        int? newDesiredSize,
        string reasonCode,
        string reason,
        bool dryRun,
        bool changed,
        string trigger,
        string? eventKey);
}
