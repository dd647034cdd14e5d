using System.Globalization;
using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal.Scenarios;

/// <summary>
/// The primary region is lost: its health alarm fires, the trigger in the standby region starts the
/// workflow, and the real state machine scales the standby and switches DNS to it.
/// </summary>
/// <remarks>
/// moto's Step Functions records the execution the trigger starts but does not run it. So the
/// rehearsal reads that execution back (ARN, start time, input) and runs the real definition under
/// aws-local-stepfunctions as that execution: what runs is exactly what the trigger asked for, and
/// the plan step sees moto's RUNNING execution as its own rather than as a second failover.
/// </remarks>
internal static class FailoverScenario
{
    public const string Name = "failover";

    private const string CompletedEvent = "DialControl Failover Completed";

    public static async Task<ScenarioResult> RunAsync(RehearsalContext context)
    {
        var primarySize = await RecordPrimaryCapacityAsync(context);
        var execution = await TriggerAsync(context);
        if (execution is null)
        {
            return new ScenarioResult(Name, false, "FailoverTrigger to start an execution",
                "FailoverTrigger started no execution (see its answer above)");
        }

        var outcome = await RunDefinitionAsync(context, execution);
        return Evaluate(context, outcome, primarySize);
    }

    private static async Task<int> RecordPrimaryCapacityAsync(RehearsalContext context)
    {
        var recorded = await context.InvokeAsync(context.PrimaryLambda, "CapacityRecorder",
            ScheduledEvent(Estate.Primary));
        var size = EstateProbe.NodeGroup(context.Estate.MotoUrl, Estate.Primary).Desired;
        context.Timeline.Say(Name, $"CapacityRecorder ({Estate.Primary}, scheduled) recorded " +
            $"{Estate.NodeGroup}={size} into {Estate.Standby}'s state table: {ScaleScenario.Compact(recorded)}");
        return size;
    }

    /// <summary>Fires the primary-health alarm and the trigger; returns moto's record of the execution.</summary>
    private static async Task<JsonObject?> TriggerAsync(RehearsalContext context)
    {
        var moto = context.Estate.MotoUrl;
        EstateProbe.SetAlarmState(moto, Estate.Standby, Estate.PrimaryHealthAlarm, "ALARM",
            "primary health check failing");
        context.Timeline.Say(Name, $"{Estate.Primary} is lost: alarm {Estate.PrimaryHealthAlarm} -> ALARM");
        var alarm = AlarmEvents.StateChange(Estate.Standby, Estate.PrimaryHealthAlarm, "AWS/Route53",
            "HealthCheckStatus", new JsonObject { ["HealthCheckId"] = context.Estate.PrimaryHealthCheckId }, 0, 1);
        var trigger = await context.InvokeAsync(context.StandbyLambda, "FailoverTrigger", alarm);
        context.Timeline.Say(Name, $"FailoverTrigger ({Estate.Standby}) answered: {ScaleScenario.Compact(trigger)}");
        if (trigger?["decision"]?.GetValue<string>() != "started" || trigger["executionArn"] is not { } arn)
        {
            return null;
        }

        var execution = Boto3.One(moto, new("stepfunctions", "describe_execution",
            new { executionArn = arn.GetValue<string>() }, Estate.Standby));
        context.Timeline.Say(Name, $"moto's Step Functions holds execution {execution["name"]} " +
            $"({execution["status"]}) with input {execution["input"]}; moto does not run definitions, so it runs " +
            "here under aws-local-stepfunctions as that execution, its tasks calling FailoverStep through the " +
            $"{Estate.Standby} local Invoke API");
        return execution;
    }

    private static async Task<JsonObject> RunDefinitionAsync(RehearsalContext context, JsonObject execution)
    {
        var arn = execution["executionArn"]!.GetValue<string>();
        var input = JsonNode.Parse(execution["input"]!.GetValue<string>())!;
        var started = DateTimeOffset.Parse(execution["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var outcome = await StateMachineRunner.RunAsync(context.StandbyLambda, input, arn,
            started.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            state => context.Timeline.Say(Name, $"state machine: {state}", "wait"));
        var status = outcome["status"]!.GetValue<string>();
        var result = ScaleScenario.Compact(outcome["output"] ?? outcome["cause"]);
        context.Timeline.Say(Name, $"execution {status}: {result}");

        // moto would otherwise show the execution RUNNING for ever, and a later failover started by
        // hand against this moto (--keep-moto) would be refused as a second run.
        Boto3.Call(context.Estate.MotoUrl, new Boto3Call("stepfunctions", "stop_execution", new
        {
            executionArn = arn, error = "RanLocally", cause = $"ran under aws-local-stepfunctions: {status}",
        }, Estate.Standby));
        context.Timeline.Say(Name, $"marked the execution stopped in moto (it ran locally: {status})");
        return outcome;
    }

    private static ScenarioResult Evaluate(RehearsalContext context, JsonObject outcome, int primarySize)
    {
        var moto = context.Estate.MotoUrl;
        var standby = EstateProbe.NodeGroup(moto, Estate.Standby);
        var record = EstateProbe.RecordTarget(moto, context.Estate.HostedZoneId);
        var announced = EstateProbe.DrainEvents(moto, Estate.Standby)
            .Count(e => e["detail-type"]?.GetValue<string>() == CompletedEvent);
        var expectedSize = Math.Max(Estate.StandbyProductionSize, primarySize);
        var status = outcome["status"]?.GetValue<string>();
        var passed = status == "SUCCEEDED" && standby.Desired == expectedSize && record == Estate.StandbyTarget
            && announced == 1;
        return new ScenarioResult(Name, passed,
            $"SUCCEEDED, {Estate.Standby}/{Estate.NodeGroup} at {expectedSize} (the larger of configured " +
            $"{Estate.StandbyProductionSize} and recorded {primarySize}), {Estate.RecordName} -> " +
            $"{Estate.StandbyTarget}, 1 completion event",
            $"{status}, {Estate.Standby}/{Estate.NodeGroup} at {standby.Desired}, {Estate.RecordName} -> {record}, " +
            $"{announced} completion event(s)");
    }

    private static JsonObject ScheduledEvent(string region) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["account"] = Estate.Account,
        ["time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = region,
        ["resources"] = new JsonArray($"arn:aws:events:{region}:{Estate.Account}:rule/dialcontrol-capacity-recorder"),
        ["detail"] = new JsonObject(),
    };
}
