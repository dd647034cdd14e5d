using System.Text.Json.Nodes;

namespace DialControl.Rehearsal.Scenarios;

/// <summary>
/// The primary region is lost: its health alarm fires, the trigger in the standby region starts the
/// workflow, and the real state machine scales the standby and switches DNS to it.
/// </summary>
internal static class FailoverScenario
{
    public const string Name = "failover";

    public static async Task<ScenarioResult> RunAsync(RehearsalContext context)
    {
        var moto = context.Estate.MotoUrl;
        var recorded = await context.InvokeAsync(context.PrimaryLambda, "CapacityRecorder", ScheduledEvent(Estate.Primary));
        var primarySize = EstateProbe.NodeGroup(moto, Estate.Primary).Desired;
        context.Timeline.Say(Name, $"CapacityRecorder (primary, scheduled) recorded {Estate.NodeGroup}={primarySize} in {Estate.Standby}: {ScaleScenario.Compact(recorded)}");

        EstateProbe.SetAlarmState(moto, Estate.Standby, Estate.PrimaryHealthAlarm, "ALARM", "primary health check failing");
        context.Timeline.Say(Name, $"{Estate.Primary} is lost: alarm {Estate.PrimaryHealthAlarm} -> ALARM");
        var alarm = AlarmEvents.StateChange(Estate.Standby, Estate.PrimaryHealthAlarm, "AWS/Route53", "HealthCheckStatus",
            new JsonObject { ["HealthCheckId"] = "primary" }, 0, 1);
        var trigger = await context.InvokeAsync(context.StandbyLambda, "FailoverTrigger", alarm);
        context.Timeline.Say(Name, $"FailoverTrigger answered: {ScaleScenario.Compact(trigger)}");
        var executionName = trigger?["executionName"]?.GetValue<string>() ?? $"rehearsal-{Guid.NewGuid():N}";

        context.Timeline.Say(Name, "running the region-failover definition under aws-local-stepfunctions");
        var input = new JsonObject
        {
            ["targetRegion"] = Estate.Standby,
            ["reason"] = $"rehearsal: {Estate.Primary} lost",
        };
        var outcome = await Task.Run(() => StateMachineRunner.Run(context.StandbyLambda, input, executionName));
        var states = outcome["states"]?.AsArray().Select(s => s!.GetValue<string>()) ?? [];
        context.Timeline.Say(Name, $"states: {string.Join(" > ", states)}");
        context.Timeline.Say(Name, $"execution {outcome["status"]}: {ScaleScenario.Compact(outcome["output"] ?? outcome["cause"])}");

        var standby = EstateProbe.NodeGroup(moto, Estate.Standby);
        var record = EstateProbe.RecordTarget(moto, context.Estate.HostedZoneId);
        var announced = EstateProbe.DrainEvents(moto, Estate.Standby)
            .Count(e => e["detail-type"]?.GetValue<string>() == "DialControl Failover Completed");
        var expectedSize = Math.Max(Estate.StandbyProductionSize, primarySize);
        var passed = outcome["status"]?.GetValue<string>() == "SUCCEEDED"
            && standby.Desired == expectedSize
            && record == Estate.StandbyTarget
            && announced == 1;
        return new ScenarioResult(Name, passed,
            $"SUCCEEDED, {Estate.Standby}/{Estate.NodeGroup} at {expectedSize}, {Estate.RecordName} -> {Estate.StandbyTarget}, 1 completion event",
            $"{outcome["status"]}, {Estate.Standby}/{Estate.NodeGroup} at {standby.Desired}, {Estate.RecordName} -> {record}, {announced} completion event(s)");
    }

    private static JsonObject ScheduledEvent(string region) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["account"] = Estate.Account,
        ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["region"] = region,
        ["resources"] = new JsonArray($"arn:aws:events:{region}:{Estate.Account}:rule/dialcontrol-capacity-recorder"),
        ["detail"] = new JsonObject(),
    };
}
