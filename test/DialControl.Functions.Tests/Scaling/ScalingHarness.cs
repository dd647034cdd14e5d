using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Scaling;
using DialControl.Functions.Tests.Scaling.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>The function wired to counting fakes and a fake clock; <see cref="Create"/> states the scene.</summary>
internal sealed class ScalingHarness
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// cpu-high: steps +1 below a breach of 20, +2 from 20, max 10; memory-high: one node, max 10;
    /// composite: steps +1/+3; cpu-low: scale-in, floor 2.
    /// </summary>
    public const string Policies = """
        [{"alarm":"dial-core-cpu-high","nodegroup":"core","direction":"out",
          "steps":[{"lowerBound":0,"upperBound":20,"add":1},{"lowerBound":20,"add":2}],"cooldownSeconds":300,"max":10},
         {"alarm":"dial-core-memory-high","nodegroup":"core","direction":"out","cooldownSeconds":300,"max":10},
         {"alarm":"dial-core-composite","nodegroup":"core","direction":"out",
          "steps":[{"lowerBound":0,"upperBound":10,"add":1},{"lowerBound":10,"add":3}]},
         {"alarm":"dial-core-cpu-low","nodegroup":"core","direction":"in","cooldownSeconds":600,"min":2}]
        """;

    private ScalingHarness(Dictionary<string, string> settings, FakeEks? eks, int desired, int min, int max,
        string status, TimeSpan? sinceModified)
    {
        Clock = new FakeTimeProvider(Start);
        Eks = eks ?? new FakeEks(Clock, Calls, status, min, max, desired,
            sinceModified is { } age ? Start - age : null);
        (var client, Table) = FakeDynamoDb.Create(Calls);
        CloudWatch = new FakeCloudWatch(Calls);
        Options = ScaleNodesOptions.Load(settings);
        Function = new ScaleNodesFunction(Options, Eks, client, CloudWatch, Clock, Logs, Metrics);
    }

    public FakeTimeProvider Clock { get; }

    public CallLog Calls { get; } = new();

    public FakeEks Eks { get; }

    public FakeDynamoDb Table { get; }

    public FakeCloudWatch CloudWatch { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public RecordingMetrics Metrics { get; } = new();

    public ScaleNodesOptions Options { get; }

    public ScaleNodesFunction Function { get; }

    /// <summary>The decision lines (event id 4000).</summary>
    public IReadOnlyList<LogEntry> Decisions => Logs.Entries.Where(e => e.EventId.Id == 4000).ToList();

    public static Dictionary<string, string> Settings(string? policies = null, bool scaleIn = false,
        bool dryRun = false) =>
        new(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = AlarmEvents.Region,
            ["CLUSTER_NAME"] = "dial",
            ["STATE_TABLE"] = "dialcontrol-state",
            ["SCALE_POLICIES"] = policies ?? Policies,
            ["SCALE_IN_ENABLED"] = scaleIn ? "true" : "false",
            ["DRY_RUN"] = dryRun ? "true" : "false",
        };

    public static ScalingHarness Create(
        int desired = 3,
        int min = 1,
        int max = 12,
        string status = "ACTIVE",
        double sinceModifiedSeconds = 3600,
        bool scaleIn = false,
        bool dryRun = false,
        string? policies = null) =>
        new(Settings(policies, scaleIn, dryRun), null, desired, min, max, status,
            double.IsNaN(sinceModifiedSeconds) ? null : TimeSpan.FromSeconds(sinceModifiedSeconds));

    public async Task<JsonObject> InvokeAsync(string payload)
    {
        var response = await Function.InvokeAsync(Encoding.UTF8.GetBytes(payload), new FakeLambdaContext(Clock));
        return JsonNode.Parse(response)!.AsObject();
    }

    /// <summary>The single decision of an alarm invocation's response.</summary>
    public async Task<JsonObject> DecideAsync(string payload)
    {
        var response = await InvokeAsync(payload);
        return response["decisions"]!.AsArray().Single()!.AsObject();
    }

    /// <summary>A cpu-high EventBridge event in ALARM: one datapoint at 80 + breach, threshold 80.</summary>
    public string CpuHigh(double breach, DateTimeOffset? stateTime = null) =>
        AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM", stateTime ?? Clock.GetUtcNow().AddSeconds(-20),
            AlarmEvents.ReasonData(Clock.GetUtcNow(), 80, 80 + breach));
}
