using System.Globalization;
using DialControl.Aws.Eks;

namespace DialControl.Functions.Scaling;

/// <summary>
/// The scaling decision: a pure function of the alarm (state, breach), the node group as observed
/// (status, sizes, modifiedAt), the policy and the time. It reads no clock and calls nothing.
/// </summary>
internal static class ScaleDecider
{
    /// <summary>
    /// The skip that follows from the alarm and the settings alone, before the node group is read; null
    /// when the node group must be looked at.
    /// </summary>
    public static ScaleDecision? CheckAlarm(string alarmState, ScalePolicy policy, bool scaleInEnabled)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return alarmState switch
        {
            AlarmStates.InsufficientData => ScaleDecision.Skip("insufficient-data", $"alarm {policy.Alarm} is " +
                "INSUFFICIENT_DATA, which is logged and ignored; nothing changed"),
            AlarmStates.Ok => ScaleDecision.Skip("alarm-ok",
                $"alarm {policy.Alarm} is OK and only ALARM scales; nothing changed"),
            AlarmStates.Alarm when policy.Direction == ScaleDirection.In && !scaleInEnabled =>
                ScaleDecision.Skip("scale-in-disabled", $"scale-in of node group {policy.NodeGroup} is disabled " +
                    "(SCALE_IN_ENABLED is false); nothing changed"),
            AlarmStates.Alarm => null,
            _ => ScaleDecision.Skip("unknown-state",
                $"alarm {policy.Alarm} is in unknown state \"{alarmState}\"; nothing changed"),
        };
    }

    /// <summary>Decides what to do with the node group.</summary>
    public static ScaleDecision Decide(
        string alarmState,
        Breach breach,
        NodeGroupObservation nodeGroup,
        ScalePolicy policy,
        bool scaleInEnabled,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(nodeGroup);
        if (CheckAlarm(alarmState, policy, scaleInEnabled) is { } early)
        {
            return early;
        }

        if (nodeGroup.Status != NodegroupStatus.Active)
        {
            return ScaleDecision.Skip("not-active",
                $"node group {policy.NodeGroup} is {nodeGroup.Status}, not ACTIVE; nothing changed");
        }

        if (nodeGroup is not { DesiredSize: { } desired, MinSize: { } minSize, MaxSize: { } maxSize })
        {
            return ScaleDecision.Skip("no-scaling-config", $"node group {policy.NodeGroup} reports no complete " +
                "scalingConfig (minSize, maxSize, desiredSize); nothing changed");
        }

        if (nodeGroup.ModifiedAt is { } modifiedAt && now < modifiedAt + policy.Cooldown)
        {
            return ScaleDecision.Skip("cooldown", $"node group {policy.NodeGroup} was modified at " +
                $"{AlarmTimestamp.Short(modifiedAt)}; the scale-{policy.DirectionName} cooldown of " +
                $"{Seconds(policy.Cooldown)} s ends at {AlarmTimestamp.Short(modifiedAt + policy.Cooldown)}; " +
                "nothing changed");
        }

        return policy.Direction == ScaleDirection.Out
            ? DecideOut(breach, desired, maxSize, policy)
            : DecideIn(desired, minSize, policy);
    }

    /// <summary>The step for <paramref name="breach"/>, or the smallest step when its size is unknown.</summary>
    public static (ScaleStep Step, string Why) SelectStep(Breach breach, ScalePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(policy);
        if (breach.Size is { } size && policy.Steps.FirstOrDefault(s => s.Contains(size)) is { } step)
        {
            return (step, $"{breach.Explanation}, step {step.Range}");
        }

        return (policy.SmallestStep, $"the smallest step, as the breach size is unknown ({breach.Explanation})");
    }

    private static ScaleDecision DecideOut(Breach breach, int desired, int maxSize, ScalePolicy policy)
    {
        var ceiling = Math.Min(policy.Max ?? maxSize, maxSize);
        var bound = $"ceiling {ceiling} (policy max {Show(policy.Max)}, node group maxSize {maxSize})";
        if (desired >= ceiling)
        {
            return ScaleDecision.Skip("at-ceiling",
                $"desired size {desired} of node group {policy.NodeGroup} is at or above the {bound}; nothing changed");
        }

        var (step, why) = SelectStep(breach, policy);
        var target = Math.Min(desired + step.Add, ceiling);
        var limit = target < desired + step.Add ? $"capped at the {bound}" : $"within the {bound}";
        return new ScaleDecision(ScaleDecisionKind.Out, target - desired, target, "scale-out",
            $"desired size {desired} -> {target}: step +{step.Add} for {why}, {limit}");
    }

    private static ScaleDecision DecideIn(int desired, int minSize, ScalePolicy policy)
    {
        var floor = Math.Max(policy.Min ?? minSize, minSize);
        var bound = $"floor {floor} (policy min {Show(policy.Min)}, node group minSize {minSize})";
        if (desired <= floor)
        {
            return ScaleDecision.Skip("at-floor",
                $"desired size {desired} of node group {policy.NodeGroup} is at or below the {bound}; nothing changed");
        }

        return new ScaleDecision(ScaleDecisionKind.In, -1, desired - 1, "scale-in",
            $"desired size {desired} -> {desired - 1}: one node in, within the {bound}");
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
