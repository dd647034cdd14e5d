using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Failover;

/// <summary>
/// The failover functions' decision log lines: one per decision, with fixed, named fields, so the
/// JSON log line can be queried (CloudWatch Logs Insights) without parsing the message.
/// </summary>
internal static partial class FailoverLog
{
    /// <summary>A workflow step finished.</summary>
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Failover step {Action} of execution {Execution}: {Outcome}. {Summary}")]
    public static partial void StepDone(
        ILogger logger, string action, string execution, string outcome, string summary);

    /// <summary>A workflow step failed; the state machine retries or takes the failure path.</summary>
    [LoggerMessage(EventId = 6002, Level = LogLevel.Error,
        Message = "Failover step {Action} of execution {Execution} failed with {ErrorType}: {ErrorMessage}")]
    public static partial void StepFailed(
        ILogger logger, string action, string execution, string errorType, string errorMessage);

    /// <summary>A transient failure the state machine will retry.</summary>
    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning,
        Message = "Failover step {Action} of execution {Execution} hit a transient failure, " +
            "retried by the state machine: {ErrorMessage}")]
    public static partial void StepRetrying(ILogger logger, string action, string execution, string errorMessage);

    /// <summary>The trigger started a failover.</summary>
    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning,
        Message = "Failover trigger: alarm {Alarm} in ALARM since {StateTime}; " +
            "started execution {ExecutionName} of {StateMachine}")]
    public static partial void TriggerStarted(
        ILogger logger, string alarm, string stateTime, string executionName, string stateMachine);

    /// <summary>The trigger did not start a failover.</summary>
    [LoggerMessage(EventId = 6011, Level = LogLevel.Information,
        Message = "Failover trigger skipped ({Decision}) for alarm {Alarm}: {Reason}")]
    public static partial void TriggerSkipped(ILogger logger, string decision, string alarm, string reason);

    /// <summary>The capacity recorder stored this region's node group sizes in the peer.</summary>
    [LoggerMessage(EventId = 6020, Level = LogLevel.Information,
        Message = "Capacity recorded: {Count} node groups of cluster {Cluster} ({Region}) " +
            "written to table {Table} in {PeerRegion}: {Sizes}")]
    public static partial void CapacityRecorded(
        ILogger logger, int count, string cluster, string region, string table, string peerRegion, string sizes);
}
