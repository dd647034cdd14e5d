using System.Text.Json.Nodes;

namespace DialControl.Rehearsal.Scenarios;

/// <summary>DIAL Core's CPU crosses 80% of its limit: the alarm adds a node; a redelivery adds none.</summary>
internal static class ScaleScenario
{
    public const string Name = "scale";

    public static async Task<ScenarioResult> RunAsync(RehearsalContext context)
    {
        var moto = context.Estate.MotoUrl;
        var before = EstateProbe.NodeGroup(moto, Estate.Primary);
        context.Timeline.Say(
            Name,
            $"{Estate.Primary}/{Estate.NodeGroup} runs {before.Desired} nodes (min {before.Min}, max {before.Max})");
        // The node group was created moments ago, which starts its cooldown (15 s in this estate).
        var quiet = EstateProbe.ModifiedAt(moto, Estate.Primary).Add(Estate.ScaleOutCooldown);
        await context.Timeline.WaitAsync(Name, "the node group's scale-out cooldown to pass",
            () => Task.FromResult(DateTimeOffset.UtcNow > quiet), Estate.ScaleOutCooldown + TimeSpan.FromSeconds(5));
        EstateProbe.SetAlarmState(
            moto,
            Estate.Primary,
            Estate.CpuAlarm,
            "ALARM",
            "DIAL Core CPU at 85% of its limit for 1 minute");
        context.Timeline.Say(Name, $"alarm {Estate.CpuAlarm} -> ALARM (85% of the CPU limit, threshold 80%)");
        var alarm = AlarmEvents.StateChange(Estate.Primary, Estate.CpuAlarm, "ContainerInsights",
            "pod_cpu_utilization_over_pod_limit", new JsonObject { ["ClusterName"] = Estate.Cluster }, 85, 80);

        var first = await context.InvokeAsync(context.PrimaryLambda, "ScaleNodes", alarm);
        context.Timeline.Say(Name, $"ScaleNodes answered: {Compact(first)}");
        var afterFirst = EstateProbe.NodeGroup(moto, Estate.Primary);
        context.Timeline.Say(Name, $"EKS reports desiredSize {afterFirst.Desired}");

        var second = await context.InvokeAsync(context.PrimaryLambda, "ScaleNodes", alarm);
        context.Timeline.Say(Name, $"same event delivered again; ScaleNodes answered: {Compact(second)}");
        var afterSecond = EstateProbe.NodeGroup(moto, Estate.Primary);

        var expected = before.Desired + 1;
        var passed = afterFirst.Desired == expected && afterSecond.Desired == expected;
        return new ScenarioResult(Name, passed,
            $"desiredSize {before.Desired} -> {expected}, unchanged by the redelivery",
            $"desiredSize {before.Desired} -> {afterFirst.Desired}, after redelivery {afterSecond.Desired}");
    }

    internal static string Compact(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "(empty)";
        return text.Length <= 220 ? text : text[..217] + "...";
    }
}
