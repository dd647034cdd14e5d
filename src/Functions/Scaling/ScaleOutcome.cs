using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Scaling;

/// <summary>
/// One decision as logged, counted and returned: the alarm, the node group as observed, the decision
/// and why. Fields that were not known (a payload that names no alarm) are null.
/// </summary>
internal sealed record ScaleOutcome
{
    /// <summary><c>eventbridge</c>, <c>alarm-action</c>, <c>schedule</c> or <c>unknown</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>The duplicate-delivery key.</summary>
    public string? EventKey { get; init; }

    /// <summary>The alarm.</summary>
    public string? Alarm { get; init; }

    /// <summary>The alarm state.</summary>
    public string? AlarmState { get; init; }

    /// <summary>metric, metric-math, composite or unknown.</summary>
    public string? AlarmType { get; init; }

    /// <summary>The EKS cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>The node group.</summary>
    public string? Nodegroup { get; init; }

    /// <summary>The node group status observed.</summary>
    public string? Status { get; init; }

    /// <summary>The desired size observed.</summary>
    public int? DesiredSize { get; init; }

    /// <summary>The minSize observed.</summary>
    public int? MinSize { get; init; }

    /// <summary>The maxSize observed.</summary>
    public int? MaxSize { get; init; }

    /// <summary>The breach size, when known.</summary>
    public double? Breach { get; init; }

    /// <summary><c>out</c>, <c>in</c>, <c>skip</c> or <c>error</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Nodes added (positive) or removed (negative).</summary>
    public int Delta { get; init; }

    /// <summary>The desired size set (or that would be set in a dry run).</summary>
    public int? NewDesiredSize { get; init; }

    /// <summary>A stable code, for example <c>scale-out</c>, <c>cooldown</c>, <c>duplicate</c>.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>What was observed, the limit, and what was done.</summary>
    public required string Reason { get; init; }

    /// <summary>Whether DRY_RUN was on.</summary>
    public bool DryRun { get; init; }

    /// <summary>Whether EKS was asked to change the node group.</summary>
    public bool Changed { get; init; }

    /// <summary>The level of the decision line: Warning for bad input, Error for failures.</summary>
    [JsonIgnore]
    public LogLevel Level { get; init; } = LogLevel.Information;

    /// <summary>This outcome with <paramref name="decision"/> applied.</summary>
    public ScaleOutcome With(ScaleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return this with
        {
            Decision = decision.Name,
            Delta = decision.Delta,
            NewDesiredSize = decision.NewDesiredSize,
            ReasonCode = decision.ReasonCode,
            Reason = decision.Reason,
        };
    }

    /// <summary>This outcome turned into a skip.</summary>
    public ScaleOutcome Skipped(string reasonCode, string reason, LogLevel level = LogLevel.Information) =>
        this with
        {
            Decision = "skip",
            Delta = 0,
            NewDesiredSize = null,
            ReasonCode = reasonCode,
            Reason = reason,
            Changed = false,
            Level = level,
        };
}
