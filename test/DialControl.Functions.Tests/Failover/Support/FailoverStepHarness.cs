using System.Text;
using System.Text.Json.Nodes;
using DialControl.Aws.StepFunctions;
using DialControl.Functions.Failover;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>
/// FailoverStep over fakes, seeded as a standby region whose record points at the primary: node
/// groups core (0 of max 2) and gpu (1 of max 4); the primary recorded core at 5 and gpu-primary at 1.
/// </summary>
internal sealed class FailoverStepHarness
{
    public const string ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:region-failover:run-1";
    public const string StartTime = "2025-05-01T10:20:00Z";

    public FailoverStepHarness(params (string Key, string? Value)[] settings)
    {
        Eks.With("core", desired: 0, max: 2).With("gpu", desired: 1, max: 4);
        Route53.WithAlias(FailoverSettings.RecordName, FailoverSettings.PrimaryLb);
        Route53.HealthChecks["hc-standby"] = ["Success: HTTP Status Code 200. OK", "Success: HTTP Status Code 200. OK"];
        var at = new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
        Snapshots.Stored.Add(new(FailoverSettings.PeerRegion, FailoverSettings.Cluster, "core", 5, 1, 8, "ACTIVE", at));
        Snapshots.Stored.Add(
            new(FailoverSettings.PeerRegion, FailoverSettings.Cluster, "gpu-primary", 1, 1, 4, "ACTIVE", at));
        Options = FailoverOptions.Load(FailoverSettings.Step(settings));
        Function = new FailoverStepFunction(
            Options,
            new FailoverServices(Eks, Route53, StepFunctions, Announcements, Announcements, Snapshots, Probe),
            Logger,
            Metrics);
    }

    public FakeEks Eks { get; } = new();

    public FakeRoute53 Route53 { get; } = new();

    public FakeStepFunctions StepFunctions { get; } = new();

    public FakeAnnouncements Announcements { get; } = new();

    public FakeSnapshots Snapshots { get; } = new();

    public FakeProbe Probe { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public RecordingMetrics Metrics { get; } = new();

    public FailoverOptions Options { get; }

    public FailoverStepFunction Function { get; }

    public static JsonObject PlanPayload(JsonNode? input) => new()
    {
        ["action"] = "plan",
        ["input"] = input,
        ["execution"] = new JsonObject { ["id"] = ExecutionArn, ["startTime"] = StartTime },
        ["limits"] = Limits(FailoverLimits.Defaults),
    };

    /// <summary>The bounds as the Plan state passes them, after the substitutions.</summary>
    public static JsonObject Limits(FailoverLimits limits) => new()
    {
        ["capacityPollSeconds"] = limits.CapacityPollSeconds,
        ["capacityMaxChecks"] = limits.CapacityMaxChecks,
        ["healthPollSeconds"] = limits.HealthPollSeconds,
        ["healthMaxChecks"] = limits.HealthMaxChecks,
        ["syncPollSeconds"] = limits.SyncPollSeconds,
        ["syncMaxChecks"] = limits.SyncMaxChecks,
    };

    public static JsonObject Request(bool dryRun = false, bool force = false) => new()
    {
        ["targetRegion"] = FailoverSettings.Region,
        ["reason"] = "eu-central-1 outage",
        ["dryRun"] = dryRun,
        ["force"] = force,
    };

    public void RunningElsewhere(string name, DateTimeOffset started) => StepFunctions.Running.Add(new ExecutionListItem
    {
        ExecutionArn = $"arn:aws:states:eu-west-1:123456789012:execution:region-failover:{name}",
        StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:region-failover",
        Name = name,
        Status = "RUNNING",
        StartDate = started,
    });

    public async Task<JsonObject> InvokeAsync(JsonObject payload)
    {
        var bytes = await Function.InvokeAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), new TestLambdaContext());
        return JsonNode.Parse(bytes)!.AsObject();
    }

    /// <summary>Runs the plan and returns the state document it starts.</summary>
    public Task<JsonObject> PlanAsync(JsonNode? input = null) => InvokeAsync(PlanPayload(input ?? Request()));

    /// <summary>Runs an action with the plan, as the state machine's Parameters pass it.</summary>
    public Task<JsonObject> WithPlanAsync(string action, JsonObject state) =>
        InvokeAsync(new JsonObject { ["action"] = action, ["plan"] = state["plan"]!.DeepClone() });

    /// <summary>Runs an action with the whole state document (announce, reportFailure).</summary>
    public Task<JsonObject> WithStateAsync(string action, JsonObject state) =>
        InvokeAsync(new JsonObject { ["action"] = action, ["state"] = state.DeepClone() });
}
