namespace DialControl.Functions.Failover;

/// <summary>
/// The detail of the EventBridge events the workflow sends (source <c>dialcontrol</c>, the same as every
/// DialControl event, detail-type "DialControl Failover Completed" or "DialControl Failover Failed").
/// </summary>
internal sealed class FailoverEvent
{
    /// <summary>The event source.</summary>
    public const string Source = "dialcontrol";

    /// <summary>The detail-type of a completed failover.</summary>
    public const string Completed = "DialControl Failover Completed";

    /// <summary>The detail-type of a failed failover.</summary>
    public const string Failed = "DialControl Failover Failed";

    /// <summary>completed or failed.</summary>
    public required string Outcome { get; init; }

    /// <summary>The activated region.</summary>
    public required string Region { get; init; }

    /// <summary>The peer region.</summary>
    public string? PeerRegion { get; init; }

    /// <summary>The execution ARN.</summary>
    public string? Execution { get; init; }

    /// <summary>The operator's or the trigger's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The error name of a failure.</summary>
    public string? Error { get; init; }

    /// <summary>The human-readable message.</summary>
    public required string Message { get; init; }

    /// <summary>The record.</summary>
    public string? Record { get; init; }

    /// <summary>Where it pointed before, when switched.</summary>
    public string? PreviousValue { get; init; }

    /// <summary>Where it points now, when switched.</summary>
    public string? NewValue { get; init; }

    /// <summary>The Route 53 change, when switched.</summary>
    public string? ChangeId { get; init; }

    /// <summary>True when DNS was switched to an unhealthy standby on purpose.</summary>
    public bool Forced { get; init; }

    /// <summary>The node groups raised.</summary>
    public IReadOnlyList<NodegroupChange>? Nodegroups { get; init; }
}
