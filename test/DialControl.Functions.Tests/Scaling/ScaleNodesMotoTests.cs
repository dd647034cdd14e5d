using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Scaling;
using DialControl.Functions.Tests.Scaling.Fakes;
using DialControl.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>
/// The function as deployed (<see cref="FunctionTable"/>, real EKS, DynamoDB and CloudWatch clients)
/// against moto_server, seeded and read back through boto3. moto stamps a node group's modifiedAt with
/// its own wall clock, so the fake clock is set from the modifiedAt moto reports, never guessed. moto's
/// EKS does not model what real EKS adds (UPDATING while a change applies, ResourceInUseException,
/// clientRequestToken idempotency, desiredSize checked against min and max); the fakes cover those.
/// </summary>
[Collection(ScalingMotoGroup.Name)]
public sealed class ScaleNodesMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";
    private const string Table = "dialcontrol-state";
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(300);

    private static string Policies(string prefix) => $$"""
        [{"alarm":"{{prefix}}-cpu-high","nodegroup":"core","direction":"out","cooldownSeconds":300,"max":8,
          "steps":[{"lowerBound":0,"upperBound":20,"add":1},{"lowerBound":20,"add":2}]},
         {"alarm":"{{prefix}}-memory-high","nodegroup":"core","direction":"out","cooldownSeconds":300}]
        """;

    [Fact]
    public async Task AlarmEvent_AfterTheCooldown_RaisesDesiredSizeOfTheMotoNodeGroup()
    {
        var scene = Seed("event");
        var clock = new FakeTimeProvider(scene.CreatedAt + TimeSpan.FromSeconds(100));
        var function = Create(scene, clock);
        var payload = CpuHigh(scene, clock, breach: 25);

        var early = await DecideAsync(function, clock, payload);
        clock.SetUtcNow(scene.CreatedAt + Cooldown + TimeSpan.FromSeconds(1));
        var due = await DecideAsync(function, clock, payload);

        Assert.Equal("cooldown", (string)early["reasonCode"]!);
        Assert.Equal(("out", 2, true), ((string)due["decision"]!, (int)due["delta"]!, (bool)due["changed"]!));
        Assert.Equal(4, DesiredSize(scene));
        var record = Boto3.One(moto.Url, new("dynamodb", "get_item", new
        {
            TableName = scene.Table,
            Key = new { pk = new { S = "scale#event#" + due["eventKey"] }, sk = new { S = $"{scene.Cluster}/core" } },
        }, Region));
        Assert.Equal("4", (string)record["Item"]!["targetDesiredSize"]!["N"]!);
    }

    [Fact]
    public async Task AlarmEvent_DeliveredAgain_DoesNotRaiseDesiredSizeAgain()
    {
        var scene = Seed("again");
        var clock = new FakeTimeProvider(scene.CreatedAt + Cooldown + TimeSpan.FromSeconds(1));
        var function = Create(scene, clock);
        var payload = CpuHigh(scene, clock, breach: 25);
        await DecideAsync(function, clock, payload);
        clock.SetUtcNow(Later(ModifiedAt(scene) + Cooldown + TimeSpan.FromSeconds(1), clock));

        var again = await DecideAsync(function, clock, payload);

        Assert.Equal(("skip", "duplicate"), ((string)again["decision"]!, (string)again["reasonCode"]!));
        Assert.Equal(4, DesiredSize(scene));
    }

    [Fact]
    public async Task ScheduledRun_AlarmStillInAlarmAfterTheCooldown_AddsTheNextStep()
    {
        var scene = Seed("schedule");
        var clock = new FakeTimeProvider(scene.CreatedAt + Cooldown + TimeSpan.FromSeconds(1));
        var function = Create(scene, clock);
        var claimedAt = clock.GetUtcNow();
        await DecideAsync(function, clock, CpuHigh(scene, clock, breach: 25));

        // The cooldown counts on moto's clock (modifiedAt), the node group lock on the function's clock from
        // the claim. In AWS both clocks agree and the cooldown is the longer; here the fake clock runs a
        // cooldown ahead of moto's, so the run is placed after both.
        var cooldownEnd = ModifiedAt(scene) + Cooldown;
        var leaseEnd = claimedAt + NodeGroupScaler.LockLeaseLimit;
        clock.SetUtcNow(Later((cooldownEnd > leaseEnd ? cooldownEnd : leaseEnd) + TimeSpan.FromSeconds(1), clock));

        var response = await InvokeAsync(function, clock, AlarmEvents.Schedule("run-7", clock.GetUtcNow()));

        // memory-high is OK in moto (which ignores DescribeAlarms' state filter when names are given).
        var decision = Assert.Single(response["decisions"]!.AsArray())!;
        Assert.Equal(($"{scene.Prefix}-cpu-high", "out", 1, 15.0), ((string)decision["alarm"]!,
            (string)decision["decision"]!, (int)decision["delta"]!, (double)decision["breach"]!));
        Assert.Equal(5, DesiredSize(scene));
    }

    [Fact]
    public async Task ClaimStore_AgainstMotoDynamoDb_TellsNewDuplicateAndLocked()
    {
        var scene = Seed("claims");
        var store = new ScaleClaimStore(Factory(scene).CreateDynamoDb(Region), scene.Table);
        var now = scene.CreatedAt;
        ScaleClaim Claim(string key, DateTimeOffset at) =>
            new(key, scene.Cluster, "core", "a", 2, 3, ScaleRequestToken.For(key, scene.Cluster, "core"), at,
                TimeSpan.FromSeconds(60));

        var first = await store.TryClaimAsync(Claim("k1", now), CancellationToken.None);
        var duplicate = await store.TryClaimAsync(Claim("k1", now.AddHours(1)), CancellationToken.None);
        var locked = await store.TryClaimAsync(Claim("k2", now.AddSeconds(30)), CancellationToken.None);
        var free = await store.TryClaimAsync(Claim("k3", now.AddSeconds(60)), CancellationToken.None);

        Assert.Equal(ClaimStatus.Claimed, first.Status);
        var firstRecord = new ScaleClaimRecord(2, 3, ScaleRequestToken.For("k1", scene.Cluster, "core"),
            DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
        Assert.Equal(new ClaimResult(ClaimStatus.Duplicate, firstRecord), duplicate);
        Assert.Equal((ClaimStatus.Locked, "k1"), (locked.Status, locked.LockHolder));
        Assert.Equal(ClaimStatus.Claimed, free.Status);
    }

    private sealed record Scene(string Prefix, string Cluster, string Table, DateTimeOffset CreatedAt);

    private Scene Seed(string prefix)
    {
        var scene = new Scene(prefix, $"dial-{prefix}", $"{Table}-{prefix}", DateTimeOffset.MinValue);
        Boto3.Call(moto.Url, [.. SeedNodeGroup(scene), SeedTable(scene), .. SeedAlarms(prefix)]);
        return scene with { CreatedAt = ModifiedAt(scene) };
    }

    private static Boto3Call[] SeedNodeGroup(Scene scene) =>
    [
        new("eks", "create_cluster", new
        {
            name = scene.Cluster,
            roleArn = "arn:aws:iam::123456789012:role/eks",
            resourcesVpcConfig = new { subnetIds = new[] { "subnet-1" } },
        }, Region),
        new("eks", "create_nodegroup", new
        {
            clusterName = scene.Cluster,
            nodegroupName = "core",
            nodeRole = "arn:aws:iam::123456789012:role/node",
            subnets = new[] { "subnet-1" },
            scalingConfig = new { minSize = 1, maxSize = 10, desiredSize = 2 },
        }, Region),
    ];

    /// <summary>The state table as the template declares it: pk and sk strings.</summary>
    private static Boto3Call SeedTable(Scene scene) => new("dynamodb", "create_table", new
    {
        TableName = scene.Table,
        KeySchema = new object[]
        {
            new { AttributeName = "pk", KeyType = "HASH" },
            new { AttributeName = "sk", KeyType = "RANGE" },
        },
        AttributeDefinitions = new object[]
        {
            new { AttributeName = "pk", AttributeType = "S" },
            new { AttributeName = "sk", AttributeType = "S" },
        },
        BillingMode = "PAY_PER_REQUEST",
    }, Region);

    /// <summary>cpu-high put into ALARM (one datapoint 15 over its threshold), memory-high OK.</summary>
    private static Boto3Call[] SeedAlarms(string prefix) =>
    [
        Alarm($"{prefix}-cpu-high"),
        Alarm($"{prefix}-memory-high"),
        new("cloudwatch", "set_alarm_state", new
        {
            AlarmName = $"{prefix}-cpu-high",
            StateValue = "ALARM",
            StateReason = "Threshold Crossed: 1 datapoint [95.0] was greater than the threshold (80.0).",
            StateReasonData = "{\"version\":\"1.0\",\"statistic\":\"Average\",\"period\":60," +
                "\"recentDatapoints\":[95.0],\"threshold\":80.0}",
        }, Region),
        new("cloudwatch", "set_alarm_state", new
        {
            AlarmName = $"{prefix}-memory-high",
            StateValue = "OK",
            StateReason = "Threshold Crossed: 1 datapoint [40.0] was not greater than the threshold (80.0).",
        }, Region),
    ];

    private static Boto3Call Alarm(string name) => new("cloudwatch", "put_metric_alarm", new
    {
        AlarmName = name,
        MetricName = "node_cpu_utilization",
        Namespace = "ContainerInsights",
        Statistic = "Average",
        Period = 60,
        EvaluationPeriods = 1,
        Threshold = 80.0,
        ComparisonOperator = "GreaterThanThreshold",
    }, Region);

    private AwsClientFactory Factory(Scene scene) => new(Settings(scene), TestCredentials.Basic);

    private Dictionary<string, string> Settings(Scene scene) => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = moto.Url,
        ["CLUSTER_NAME"] = scene.Cluster,
        ["STATE_TABLE"] = scene.Table,
        ["SCALE_POLICIES"] = Policies(scene.Prefix),
    };

    private ILambdaFunction Create(Scene scene, TimeProvider clock)
    {
        var settings = Settings(scene);
        var environment = new FunctionEnvironment(settings, clock, new CapturingLoggerFactory(), new RecordingMetrics(),
            new AwsClientFactory(settings, TestCredentials.Basic));
        return FunctionTable.Functions[ScaleNodesFunction.HandlerName](environment);
    }

    private static string CpuHigh(Scene scene, TimeProvider clock, double breach) =>
        AlarmEvents.EventBridge($"{scene.Prefix}-cpu-high", "ALARM", clock.GetUtcNow().AddSeconds(-10),
            AlarmEvents.ReasonData(clock.GetUtcNow(), 80, 80 + breach));

    private static async Task<JsonObject> InvokeAsync(ILambdaFunction function, TimeProvider clock, string payload)
    {
        var response = await function.InvokeAsync(Encoding.UTF8.GetBytes(payload), new FakeLambdaContext(clock));
        return JsonNode.Parse(response)!.AsObject();
    }

    private static async Task<JsonObject> DecideAsync(ILambdaFunction function, TimeProvider clock, string payload) =>
        (await InvokeAsync(function, clock, payload))["decisions"]!.AsArray().Single()!.AsObject();

    private JsonObject Nodegroup(Scene scene) => Boto3.One(moto.Url, new("eks", "describe_nodegroup",
        new { clusterName = scene.Cluster, nodegroupName = "core" }, Region))["nodegroup"]!.AsObject();

    private int DesiredSize(Scene scene) => (int)Nodegroup(scene)["scalingConfig"]!["desiredSize"]!;

    /// <summary>The node group's modifiedAt as moto stamped it (its wall clock).</summary>
    private DateTimeOffset ModifiedAt(Scene scene) =>
        DateTimeOffset.Parse((string)Nodegroup(scene)["modifiedAt"]!,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fake clock only moves forward.</summary>
    private static DateTimeOffset Later(DateTimeOffset wanted, TimeProvider clock) =>
        wanted > clock.GetUtcNow() ? wanted : clock.GetUtcNow();
}
