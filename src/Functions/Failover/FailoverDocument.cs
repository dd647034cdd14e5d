using System.Text.Json;
using System.Text.Json.Serialization;

// The state document the region-failover state machine carries from step to step (JSONPath), and the
// input of each FailoverStep action. Each step adds its result under its own key (ResultPath), so the
// failure report can tell from the document what was done before the failure.
namespace DialControl.Functions.Failover;

/// <summary>What the state machine passes to FailoverStep: an action and what that action reads.</summary>
internal sealed class StepInput
{
    /// <summary>plan, activate, checkCapacity, checkHealth, switchDns, checkSync, announce or reportFailure.</summary>
    public string? Action { get; init; }

    /// <summary>plan: the execution input, as given (validated by the plan step).</summary>
    public JsonElement Input { get; init; }

    /// <summary>plan: the execution ($$.Execution.Id and StartTime).</summary>
    public ExecutionRef? Execution { get; init; }

    /// <summary>plan: the wait bounds from the definition's substitutions (<see cref="FailoverLimits"/>).</summary>
    public JsonElement Limits { get; init; }

    /// <summary>Every step after plan: the plan.</summary>
    public FailoverPlan? Plan { get; init; }

    /// <summary>switchDns: the validated request.</summary>
    public FailoverRequest? Request { get; init; }

    /// <summary>switchDns: the last health result.</summary>
    public HealthOutput? Health { get; init; }

    /// <summary>checkSync: the submitted change.</summary>
    public DnsOutput? Dns { get; init; }

    /// <summary>announce, reportFailure: the whole document.</summary>
    public FailoverState? State { get; init; }
}

/// <summary>The execution running the workflow.</summary>
internal sealed class ExecutionRef
{
    /// <summary>The execution ARN ($$.Execution.Id).</summary>
    public string? Id { get; init; }

    /// <summary>When it started ($$.Execution.StartTime, ISO 8601).</summary>
    public string? StartTime { get; init; }
}

/// <summary>The decisions of the plan step.</summary>
internal static class PlanDecision
{
    /// <summary>The record already points at this region: succeed, change nothing.</summary>
    public const string AlreadyActive = "AlreadyActive";

    /// <summary>The input asked for a dry run: succeed with the plan, change nothing.</summary>
    public const string DryRun = "DryRun";

    /// <summary>Activate the standby and switch DNS.</summary>
    public const string Proceed = "Proceed";
}

/// <summary>What the plan step returns; the workflow's state document starts as this.</summary>
internal sealed class PlanOutput
{
    /// <summary>The validated input.</summary>
    public required FailoverRequest Request { get; init; }

    /// <summary>See <see cref="PlanDecision"/>.</summary>
    public required string Decision { get; init; }

    /// <summary>One sentence for humans.</summary>
    public required string Summary { get; init; }

    /// <summary>What the workflow will do.</summary>
    public required FailoverPlan Plan { get; init; }
}

/// <summary>What the workflow will do, computed once by the plan step.</summary>
internal sealed class FailoverPlan
{
    /// <summary>This (standby) region.</summary>
    public required string Region { get; init; }

    /// <summary>The peer (primary) region.</summary>
    public required string PeerRegion { get; init; }

    /// <summary>This region's cluster.</summary>
    public required string Cluster { get; init; }

    /// <summary>The execution that made the plan.</summary>
    public required ExecutionRef Execution { get; init; }

    /// <summary>Each standby node group and its target.</summary>
    public required IReadOnlyList<NodegroupPlan> Nodegroups { get; init; }

    /// <summary>The record and its target.</summary>
    public required RecordPlan Record { get; init; }

    /// <summary>The health signals checked before the switch.</summary>
    public required HealthPlan Health { get; init; }

    /// <summary>The wait loop bounds the state machine reads.</summary>
    public required FailoverLimits Limits { get; init; }
}

/// <summary>A standby node group, as found, and its target.</summary>
internal sealed class NodegroupPlan
{
    /// <summary>The standby node group.</summary>
    public required string Name { get; init; }

    /// <summary>The matching primary node group.</summary>
    public required string PrimaryName { get; init; }

    /// <summary>The configured production size.</summary>
    public required int ConfiguredSize { get; init; }

    /// <summary>The primary's last recorded desired size, if recorded.</summary>
    public int? RecordedSize { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The standby's desired size now.</summary>
    public required int CurrentDesiredSize { get; init; }

    /// <summary>The standby's max size now.</summary>
    public required int CurrentMaxSize { get; init; }

    /// <summary>The standby's EKS status now.</summary>
    public required string CurrentStatus { get; init; }

    /// <summary>The larger of the configured and the recorded size.</summary>
    public required int TargetSize { get; init; }
}

/// <summary>The record to switch.</summary>
internal sealed class RecordPlan
{
    /// <summary>The hosted zone.</summary>
    public required string HostedZoneId { get; init; }

    /// <summary>The record name.</summary>
    public required string Name { get; init; }

    /// <summary>A, AAAA or CNAME.</summary>
    public required string Type { get; init; }

    /// <summary>Where it points now (alias DNS name or CNAME value); null when the record does not exist.</summary>
    public string? CurrentValue { get; init; }

    /// <summary>Where it will point.</summary>
    public required string TargetValue { get; init; }
}

/// <summary>The health signals of the standby.</summary>
internal sealed class HealthPlan
{
    /// <summary>The Route 53 health check, if configured.</summary>
    public string? HealthCheckId { get; init; }

    /// <summary>The probed URL, if configured.</summary>
    public string? ProbeUrl { get; init; }
}

/// <summary>What activate changed.</summary>
internal sealed class ActivationOutput
{
    /// <summary>The node groups whose sizes were raised.</summary>
    public required IReadOnlyList<NodegroupChange> Changed { get; init; }

    /// <summary>The node groups already at or above their target.</summary>
    public required IReadOnlyList<string> Unchanged { get; init; }

    /// <summary>One sentence for humans.</summary>
    public required string Summary { get; init; }
}

/// <summary>One node group size change.</summary>
internal sealed class NodegroupChange
{
    /// <summary>The node group.</summary>
    public required string Name { get; init; }

    /// <summary>Desired size before.</summary>
    public required int PreviousDesiredSize { get; init; }

    /// <summary>Desired size requested.</summary>
    public required int DesiredSize { get; init; }

    /// <summary>Max size before.</summary>
    public required int PreviousMaxSize { get; init; }

    /// <summary>Max size requested.</summary>
    public required int MaxSize { get; init; }

    /// <summary>The EKS update id.</summary>
    public string? UpdateId { get; init; }
}

/// <summary>What checkCapacity saw.</summary>
internal sealed class CapacityOutput
{
    /// <summary>True when every node group is ACTIVE at or above its target.</summary>
    public required bool Ready { get; init; }

    /// <summary>One sentence for humans.</summary>
    public required string Summary { get; init; }
}

/// <summary>What checkHealth saw.</summary>
internal sealed class HealthOutput
{
    /// <summary>True when every configured signal is healthy.</summary>
    public required bool Healthy { get; init; }

    /// <summary>One sentence for humans.</summary>
    public required string Summary { get; init; }
}

/// <summary>The DNS change switchDns submitted.</summary>
internal sealed class DnsOutput
{
    /// <summary>The Route 53 change id.</summary>
    public required string ChangeId { get; init; }

    /// <summary>PENDING or INSYNC when submitted.</summary>
    public required string Status { get; init; }

    /// <summary>Where the record pointed before; null when it did not exist.</summary>
    public string? PreviousValue { get; init; }

    /// <summary>Where it points now.</summary>
    public required string NewValue { get; init; }

    /// <summary>True when switched although the standby was unhealthy (input force).</summary>
    public required bool Forced { get; init; }
}

/// <summary>What checkSync saw.</summary>
internal sealed class SyncOutput
{
    /// <summary>PENDING or INSYNC.</summary>
    public required string Status { get; init; }
}

/// <summary>A counter of a wait loop.</summary>
internal sealed class LoopCounter
{
    /// <summary>Checks made so far.</summary>
    public int Count { get; init; }
}

/// <summary>What announce or reportFailure sent.</summary>
internal sealed class AnnouncementOutput
{
    /// <summary>The message text.</summary>
    public required string Summary { get; init; }

    /// <summary>The EventBridge event id.</summary>
    public string? EventId { get; init; }

    /// <summary>The SNS message id.</summary>
    public string? MessageId { get; init; }
}

/// <summary>What reportFailure returns for the Fail state.</summary>
internal sealed class FailureOutput
{
    /// <summary>The error name.</summary>
    public required string Error { get; init; }

    /// <summary>What failed, what was changed and what was not, and what to do.</summary>
    public required string Cause { get; init; }

    /// <summary>The SNS message id, when the failure was announced.</summary>
    public string? MessageId { get; init; }
}

/// <summary>An error as Step Functions puts it into the state by a Catch or a Pass.</summary>
internal sealed class StepError
{
    /// <summary>The error name.</summary>
    [JsonPropertyName("Error")]
    public string? Error { get; init; }

    /// <summary>The cause text (for Lambda errors, their JSON).</summary>
    [JsonPropertyName("Cause")]
    public string? Cause { get; init; }
}

/// <summary>The whole state document, as announce and reportFailure receive it.</summary>
internal sealed class FailoverState
{
    /// <summary>The validated input.</summary>
    public FailoverRequest? Request { get; init; }

    /// <summary>The plan's decision.</summary>
    public string? Decision { get; init; }

    /// <summary>The plan's summary.</summary>
    public string? Summary { get; init; }

    /// <summary>The plan.</summary>
    public FailoverPlan? Plan { get; init; }

    /// <summary>Set once activate succeeded.</summary>
    public ActivationOutput? Activation { get; init; }

    /// <summary>The last capacity check.</summary>
    public CapacityOutput? Capacity { get; init; }

    /// <summary>Capacity checks made.</summary>
    public LoopCounter? CapacityChecks { get; init; }

    /// <summary>The last health check.</summary>
    public HealthOutput? Health { get; init; }

    /// <summary>Health checks made.</summary>
    public LoopCounter? HealthChecks { get; init; }

    /// <summary>Set once the DNS change was submitted.</summary>
    public DnsOutput? Dns { get; init; }

    /// <summary>The last change status check.</summary>
    public SyncOutput? Sync { get; init; }

    /// <summary>Change status checks made.</summary>
    public LoopCounter? SyncChecks { get; init; }

    /// <summary>Set once the success was announced.</summary>
    public AnnouncementOutput? Announcement { get; init; }

    /// <summary>The error that sent the workflow to the failure path.</summary>
    public StepError? Error { get; init; }
}
