using DialControl.Functions.Hosting;
using DialControl.Functions.Scaling;
using DialControl.Functions.Tests.Scaling.Fakes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

public sealed class ScaleNodesFunctionTests
{
    private static readonly string[] ScaleOutCalls =
        ["eks:DescribeNodegroup", "dynamodb:TransactWriteItems", "eks:UpdateNodegroupConfig"];

    [Fact]
    public async Task InvokeAsync_EventBridgeAlarmBreach25_ScalesOutTwoWithOneReadOneClaimOneUpdate()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var stateTime = harness.Clock.GetUtcNow().AddSeconds(-20);

        var decision = await harness.DecideAsync(harness.CpuHigh(25, stateTime));

        Assert.Equal(ScaleOutCalls, harness.Calls.Calls);
        var update = Assert.Single(harness.Eks.Updates);
        Assert.Equal(("dial", "core", 5),
            (update.ClusterName, update.NodegroupName, update.ScalingConfig!.DesiredSize));
        Assert.Null(update.ScalingConfig.MinSize);
        Assert.Null(update.ScalingConfig.MaxSize);
        var key = "alarm|dial-core-cpu-high|2025-03-01T11:59:40.000Z";
        Assert.Equal(ScaleRequestToken.For(key, "dial", "core"), update.ClientRequestToken);
        Assert.Equal(5, harness.Eks.DesiredSize);
        Assert.Equal(("out", 2, 5, true), ((string)decision["decision"]!, (int)decision["delta"]!,
            (int)decision["newDesiredSize"]!, (bool)decision["changed"]!));
        Assert.Equal(key, (string)decision["eventKey"]!);
    }

    [Fact]
    public async Task InvokeAsync_AlarmActionPayload_ScalesOutLikeTheEventBridgeEvent()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var now = harness.Clock.GetUtcNow();
        var payload = AlarmEvents.AlarmAction("dial-core-cpu-high", "ALARM", now.AddSeconds(-20),
            AlarmEvents.ReasonData(now, 80, 85.5));

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(ScaleOutCalls, harness.Calls.Calls);
        Assert.Equal(("alarm-action", "out", 4), ((string)decision["trigger"]!, (string)decision["decision"]!,
            harness.Eks.DesiredSize!.Value));
        Assert.Equal("desired size 3 -> 4: step +1 for breach 5.5 above the threshold 80 (smallest of 1 breaching " +
            "datapoint), step [0, 20), within the ceiling 10 (policy max 10, node group maxSize 12)",
            (string)decision["reason"]!);
    }

    [Fact]
    public async Task InvokeAsync_ScaleOut_WritesOneDecisionLineWithFixedFields()
    {
        var harness = ScalingHarness.Create(desired: 3);

        await harness.InvokeAsync(harness.CpuHigh(25));

        var line = Assert.Single(harness.Decisions);
        Assert.Equal(LogLevel.Information, line.Level);
        var expected = new Dictionary<string, object?>
        {
            ["alarm"] = "dial-core-cpu-high",
            ["nodegroup"] = "core",
            ["cluster"] = "dial",
            ["status"] = "ACTIVE",
            ["desiredSize"] = 3,
            ["minSize"] = 1,
            ["maxSize"] = 12,
            ["decision"] = "out",
            ["delta"] = 2,
            ["newDesiredSize"] = 5,
            ["reasonCode"] = "scale-out",
            ["dryRun"] = false,
            ["changed"] = true,
            ["trigger"] = "eventbridge",
            ["alarmState"] = "ALARM",
            ["alarmType"] = "metric",
            ["breach"] = 25.0,
        };
        foreach (var (key, value) in expected)
        {
            Assert.True(line.State.ContainsKey(key), $"decision line has no {key}");
            Assert.Equal(value, line.State[key]);
        }

        Assert.StartsWith("desired size 3 -> 5: step +2 for breach 25", (string)line.State["reason"]!,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ScaleOut_EmitsDecisionAndChangeMetrics()
    {
        var harness = ScalingHarness.Create(desired: 3);

        await harness.InvokeAsync(harness.CpuHigh(25));

        Assert.Collection(harness.Metrics.Points,
            p => Assert.Equal(("ScaleDecision", 1.0, "Count", "out", "core"),
                (p.Name, p.Value, p.Unit, p.Dimensions["Decision"], p.Dimensions["NodeGroup"])),
            p => Assert.Equal(("ScaleChange", 2.0, "Count", "out", "core"),
                (p.Name, p.Value, p.Unit, p.Dimensions["Direction"], p.Dimensions["NodeGroup"])));
    }

    [Fact]
    public async Task InvokeAsync_CompositeAlarmAction_TakesSmallestStep()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var now = harness.Clock.GetUtcNow();
        var payload = AlarmEvents.AlarmAction("dial-core-composite", "ALARM", now.AddSeconds(-5),
            AlarmEvents.CompositeReasonData(now, "dial-core-cpu-high"), type: "composite");

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(("composite", "out", 1), ((string)decision["alarmType"]!, (string)decision["decision"]!,
            (int)decision["delta"]!));
        Assert.Null(decision["breach"]);
        Assert.Contains("the smallest step, as the breach size is unknown (reasonData has no numeric threshold " +
            "(composite or anomaly detection alarm))", (string)decision["reason"]!, StringComparison.Ordinal);
        Assert.Equal(4, harness.Eks.DesiredSize);
    }

    [Fact]
    public async Task InvokeAsync_MetricMathAlarm_UsesTheExpressionDatapoints()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var now = harness.Clock.GetUtcNow();
        var payload = AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM", now.AddSeconds(-5),
            AlarmEvents.ReasonData(now, 70, 92, 95), type: "metric-math");

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(("metric-math", 22.0, 2), ((string)decision["alarmType"]!, (double)decision["breach"]!,
            (int)decision["delta"]!));
    }

    [Theory]
    [InlineData(null, "reasonData is absent")]
    [InlineData("{\"version\":\"1.0\",\"threshold\":", "reasonData is not valid JSON")]
    [InlineData("{\"version\":\"1.0\",\"recentDatapoints\":[],\"threshold\":80.0}",
        "reasonData has no recent datapoints")]
    public async Task InvokeAsync_ReasonDataAbsentOrMalformed_TakesSmallestStep(string? reasonData, string why)
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM",
            harness.Clock.GetUtcNow().AddSeconds(-5), reasonData);

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(1, (int)decision["delta"]!);
        Assert.Contains($"the smallest step, as the breach size is unknown ({why})", (string)decision["reason"]!,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INSUFFICIENT_DATA", "insufficient-data")]
    [InlineData("OK", "alarm-ok")]
    public async Task InvokeAsync_AlarmNotInAlarm_LogsSkipWithoutAnyCall(string state, string code)
    {
        var harness = ScalingHarness.Create();
        var payload = AlarmEvents.EventBridge("dial-core-cpu-high", state, harness.Clock.GetUtcNow().AddSeconds(-5),
            AlarmEvents.ReasonData(harness.Clock.GetUtcNow(), 80, 10));

        var decision = await harness.DecideAsync(payload);

        Assert.Empty(harness.Calls.Calls);
        Assert.Equal(("skip", code), ((string)decision["decision"]!, (string)decision["reasonCode"]!));
        Assert.Equal(LogLevel.Information, Assert.Single(harness.Decisions).Level);
    }

    [Theory]
    [InlineData(3, "ACTIVE", 100, "cooldown")]
    [InlineData(3, "UPDATING", 3600, "not-active")]
    [InlineData(10, "ACTIVE", 3600, "at-ceiling")]
    public async Task InvokeAsync_SkipAfterReading_MakesNoMutatingCall(int desired, string status, double age,
        string code)
    {
        var harness = ScalingHarness.Create(desired: desired, status: status, sinceModifiedSeconds: age);

        var decision = await harness.DecideAsync(harness.CpuHigh(25));

        Assert.Equal(["eks:DescribeNodegroup"], harness.Calls.Calls);
        Assert.Equal(code, (string)decision["reasonCode"]!);
        Assert.Equal(desired, harness.Eks.DesiredSize);
        Assert.Empty(harness.Table.Keys);
    }

    [Fact]
    public async Task InvokeAsync_DryRun_DecidesAndLogsButChangesNothing()
    {
        var harness = ScalingHarness.Create(desired: 3, dryRun: true);

        var decision = await harness.DecideAsync(harness.CpuHigh(25));

        Assert.Equal(["eks:DescribeNodegroup"], harness.Calls.Calls);
        Assert.Equal(("out", 2, true, false), ((string)decision["decision"]!, (int)decision["delta"]!,
            (bool)decision["dryRun"]!, (bool)decision["changed"]!));
        Assert.EndsWith("; dry run: nothing changed", (string)decision["reason"]!, StringComparison.Ordinal);
        Assert.Equal(3, harness.Eks.DesiredSize);
        Assert.Equal(["ScaleDecision"], harness.Metrics.Points.Select(p => p.Name));
    }

    [Fact]
    public async Task InvokeAsync_UpdateInProgress_SkipsWithoutThrowing()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.Eks.UpdateFailure = FakeEks.InUse();

        var decision = await harness.DecideAsync(harness.CpuHigh(25));

        Assert.Equal(ScaleOutCalls, harness.Calls.Calls);
        Assert.Equal(("skip", "update-in-progress", false), ((string)decision["decision"]!,
            (string)decision["reasonCode"]!, (bool)decision["changed"]!));
        Assert.Equal("EKS refused to change node group core: another update is in progress (ResourceInUseException); " +
            "desired size stays 3; the schedule evaluates the alarm again", (string)decision["reason"]!);
    }

    [Fact]
    public async Task InvokeAsync_UpdateFailsAfterRetries_ThrowsNamingNodeGroupEventAndCode()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.Eks.UpdateFailure = FakeEks.InternalFailure("UpdateNodegroupConfig");

        var error = await Assert.ThrowsAsync<ScaleNodesException>(() => harness.InvokeAsync(harness.CpuHigh(25)));

        Assert.Equal("EKS UpdateNodegroupConfig for node group core of cluster dial (alarm dial-core-cpu-high, event " +
            "alarm|dial-core-cpu-high|2025-03-01T11:59:40.000Z) failed with ServerException (HTTP 500) after the " +
            "SDK's retries; a redelivery of the event is safe (same claim, same clientRequestToken)", error.Message);
        var line = Assert.Single(harness.Decisions);
        Assert.Equal((LogLevel.Error, "error", "aws-error"),
            (line.Level, line.State["decision"], line.State["reasonCode"]));
    }

    [Fact]
    public async Task InvokeAsync_NoAnswerFromEks_LogsAnErrorLineAndThrowsNamingTheNodeGroup()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.Eks.DescribeFailure =
            new HttpRequestException("Name or service not known (eks.eu-west-1.amazonaws.com:443)");

        var error = await Assert.ThrowsAsync<ScaleNodesException>(() => harness.InvokeAsync(harness.CpuHigh(25)));

        Assert.Equal("an AWS call for node group core of cluster dial (alarm dial-core-cpu-high, event " +
            "alarm|dial-core-cpu-high|2025-03-01T11:59:40.000Z) got no answer (HttpRequestException: Name or service " +
            "not known (eks.eu-west-1.amazonaws.com:443)) after the SDK's retries; a redelivery of the event is safe " +
            "(same claim, same clientRequestToken)", error.Message);
        var line = Assert.Single(harness.Decisions);
        Assert.Equal((LogLevel.Error, "error", "aws-error", error.Message),
            (line.Level, line.State["decision"], line.State["reasonCode"], line.State["reason"]));
        Assert.Empty(harness.Calls.MutatingCalls);
    }

    [Fact]
    public async Task InvokeAsync_ClaimFailsAfterRetries_ThrowsAndNeverUpdates()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.Table.TransactFailure = new Amazon.DynamoDBv2.Model.InternalServerErrorException("internal error")
        {
            ErrorCode = "InternalServerError",
            StatusCode = System.Net.HttpStatusCode.InternalServerError,
        };

        var error = await Assert.ThrowsAsync<ScaleNodesException>(() => harness.InvokeAsync(harness.CpuHigh(25)));

        Assert.StartsWith("DynamoDB TransactWriteItems on table dialcontrol-state for node group core of cluster dial",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("failed with InternalServerError (HTTP 500)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Calls.Count("eks:UpdateNodegroupConfig"));
    }

    [Fact]
    public async Task InvokeAsync_DescribeFails_ThrowsWithoutMutatingCall()
    {
        var harness = ScalingHarness.Create();
        harness.Eks.DescribeFailure = FakeEks.InternalFailure("DescribeNodegroup");

        await Assert.ThrowsAsync<ScaleNodesException>(() => harness.InvokeAsync(harness.CpuHigh(25)));

        Assert.Empty(harness.Calls.MutatingCalls);
    }

    [Fact]
    public async Task InvokeAsync_NodeGroupNotFound_LogsErrorSkipWithoutMutatingCall()
    {
        var harness = ScalingHarness.Create();
        harness.Eks.DescribeFailure = FakeEks.NotFound();

        var decision = await harness.DecideAsync(harness.CpuHigh(25));

        Assert.Empty(harness.Calls.MutatingCalls);
        Assert.Equal("node group core was not found in cluster dial (ResourceNotFoundException); check " +
            "SCALE_POLICIES and CLUSTER_NAME; nothing changed", (string)decision["reason"]!);
        Assert.Equal(LogLevel.Error, Assert.Single(harness.Decisions).Level);
    }

    [Fact]
    public async Task InvokeAsync_AlarmOlderThanMaxEventAge_SkipsWithoutAnyCall()
    {
        var harness = ScalingHarness.Create();
        var stateTime = harness.Clock.GetUtcNow().AddSeconds(-901);

        var decision = await harness.DecideAsync(harness.CpuHigh(25, stateTime));

        Assert.Empty(harness.Calls.Calls);
        Assert.Equal("alarm dial-core-cpu-high entered ALARM at 2025-03-01T11:44:59Z, 901 s ago, more than " +
            "MAX_EVENT_AGE_SECONDS (900 s); the schedule acts on alarms still in ALARM; nothing changed",
            (string)decision["reason"]!);
    }

    [Fact]
    public async Task InvokeAsync_ScaleInEnabled_RemovesOneNode()
    {
        var harness = ScalingHarness.Create(desired: 5, scaleIn: true);
        var now = harness.Clock.GetUtcNow();
        var payload = AlarmEvents.EventBridge("dial-core-cpu-low", "ALARM", now.AddSeconds(-5),
            AlarmEvents.ReasonData(now, 30, 12));

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(ScaleOutCalls, harness.Calls.Calls);
        Assert.Equal(("in", -1, 4),
            ((string)decision["decision"]!, (int)decision["delta"]!, harness.Eks.DesiredSize!.Value));
        Assert.Equal("in", harness.Metrics.Points.Single(p => p.Name == "ScaleChange").Dimensions["Direction"]);
    }

    [Fact]
    public async Task InvokeAsync_ScaleInDisabled_SkipsWithoutAnyCall()
    {
        var harness = ScalingHarness.Create(desired: 5);
        var payload = AlarmEvents.EventBridge("dial-core-cpu-low", "ALARM", harness.Clock.GetUtcNow().AddSeconds(-5),
            null);

        var decision = await harness.DecideAsync(payload);

        Assert.Empty(harness.Calls.Calls);
        Assert.Equal("scale-in-disabled", (string)decision["reasonCode"]!);
    }

    [Fact]
    public void FunctionTable_ScaleNodes_BuildsTheFunctionFromTheEnvironment()
    {
        var settings = ScalingHarness.Settings();
        var environment = new FunctionEnvironment(settings, TimeProvider.System, new CapturingLoggerFactory(),
            new RecordingMetrics(), new AwsClientFactory(settings, DialControl.Testing.TestCredentials.Basic));

        var function = FunctionTable.Functions["ScaleNodes"](environment);

        Assert.IsType<ScaleNodesFunction>(function);
    }

    [Fact]
    public void FunctionTable_ScaleNodesWithBadSettings_FailsAtColdStartNamingEveryProblem()
    {
        var settings = ScalingHarness.Settings();
        settings.Remove("CLUSTER_NAME");
        settings["DRY_RUN"] = "maybe";
        var environment = new FunctionEnvironment(settings, TimeProvider.System, new CapturingLoggerFactory(),
            new RecordingMetrics(), new AwsClientFactory(settings));

        var error = Assert.Throws<ConfigurationException>(
            () => FunctionTable.Functions["ScaleNodes"](environment));

        Assert.Equal(
            [
                "CLUSTER_NAME is missing; allowed: the EKS cluster name, 1 to 100 letters, digits, '-' or '_', " +
                "starting with a letter or digit",
                "DRY_RUN is \"maybe\"; allowed: true or false (default false)",
            ],
            error.Problems);
    }
}
