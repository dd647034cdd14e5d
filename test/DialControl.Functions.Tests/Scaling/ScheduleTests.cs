using DialControl.Aws.CloudWatch;
using DialControl.Functions.Scaling;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>The periodic re-evaluation: alarms still in ALARM get another step once the cooldown has passed.</summary>
public sealed class ScheduleTests
{
    private static string Schedule(ScalingHarness harness, string id = "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa") =>
        AlarmEvents.Schedule(id, harness.Clock.GetUtcNow());

    [Fact]
    public async Task InvokeAsync_AlarmStillInAlarm_StepsWithOneListOneReadOneClaimOneUpdate()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM",
            AlarmEvents.ReasonData(harness.Clock.GetUtcNow(), 80, 101));
        harness.CloudWatch.SetMetricAlarm("dial-core-memory-high", "OK", null);

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal(
            ["cloudwatch:DescribeAlarms", "eks:DescribeNodegroup", "dynamodb:TransactWriteItems",
                "eks:UpdateNodegroupConfig"],
            harness.Calls.Calls);
        Assert.Equal(("schedule", "out", 2, "schedule|53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa|dial-core-cpu-high"),
            ((string)decision["trigger"]!, (string)decision["decision"]!, (int)decision["delta"]!,
                (string)decision["eventKey"]!));
        var request = Assert.Single(harness.CloudWatch.Requests);
        Assert.Equal(["dial-core-cpu-high", "dial-core-memory-high", "dial-core-composite", "dial-core-cpu-low"],
            request.AlarmNames!);
        Assert.Equal((StateValue.Alarm, 100), (request.StateValue, request.MaxRecords));
        Assert.Equal([AlarmType.MetricAlarm, AlarmType.CompositeAlarm], request.AlarmTypes!);
    }

    [Fact]
    public async Task InvokeAsync_NothingInAlarm_LogsOneSkipAndChangesNothing()
    {
        var harness = ScalingHarness.Create();
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "OK", null);

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal(["cloudwatch:DescribeAlarms"], harness.Calls.Calls);
        Assert.Equal(("nothing-in-alarm", "none of the 4 configured alarms is in ALARM; nothing changed"),
            ((string)decision["reasonCode"]!, (string)decision["reason"]!));
        Assert.Single(harness.Decisions);
    }

    [Fact]
    public async Task InvokeAsync_ServiceIgnoresTheStateFilter_AlarmsNotInAlarmAreLeftAlone()
    {
        var harness = ScalingHarness.Create();
        harness.CloudWatch.IgnoreStateFilter = true;
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "OK", null);
        harness.CloudWatch.SetMetricAlarm("dial-core-memory-high", "INSUFFICIENT_DATA", null);

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal("nothing-in-alarm", (string)decision["reasonCode"]!);
        Assert.Empty(harness.Calls.MutatingCalls);
    }

    [Fact]
    public async Task InvokeAsync_InsideCooldown_SkipsThenStepsOnceItHasPassed()
    {
        var harness = ScalingHarness.Create(desired: 3, sinceModifiedSeconds: 100);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM", null);

        var early = await harness.DecideAsync(Schedule(harness, "run-1"));
        harness.Clock.Advance(TimeSpan.FromSeconds(200));
        var due = await harness.DecideAsync(Schedule(harness, "run-2"));

        Assert.Equal("cooldown", (string)early["reasonCode"]!);
        Assert.Equal(("out", 4), ((string)due["decision"]!, harness.Eks.DesiredSize!.Value));
    }

    [Fact]
    public async Task InvokeAsync_HighAndLowBothInAlarm_ScalesOutFirstAndHoldsScaleIn()
    {
        var harness = ScalingHarness.Create(desired: 5, scaleIn: true);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-low", "ALARM", null);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM", null);

        var response = await harness.InvokeAsync(Schedule(harness));

        var decisions = response["decisions"]!.AsArray();
        Assert.Equal(["dial-core-cpu-high:scale-out", "dial-core-cpu-low:cooldown"],
            decisions.Select(d => $"{d!["alarm"]}:{d["reasonCode"]}"));
        Assert.Equal(6, harness.Eks.DesiredSize);
        Assert.Equal(2, harness.Decisions.Count);
    }

    [Fact]
    public async Task InvokeAsync_CompositeAlarmInAlarm_TakesTheSmallestStep()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.CompositeAlarms.Add(new CompositeAlarm
        {
            AlarmName = "dial-core-composite",
            StateValue = "ALARM",
            StateReasonData = AlarmEvents.CompositeReasonData(harness.Clock.GetUtcNow(), "dial-core-cpu-high"),
        });

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal(("composite", 1), ((string)decision["alarmType"]!, (int)decision["delta"]!));
    }

    [Fact]
    public async Task InvokeAsync_MetricMathAlarmInAlarm_IsReadAsMetricMath()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM",
            AlarmEvents.ReasonData(harness.Clock.GetUtcNow(), 80, 85), metricName: null);

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal(("metric-math", 5.0), ((string)decision["alarmType"]!, (double)decision["breach"]!));
    }

    [Fact]
    public async Task InvokeAsync_DescribeAlarmsFails_ThrowsAfterLoggingAndChangesNothing()
    {
        var harness = ScalingHarness.Create();
        harness.CloudWatch.Failure = new DialControl.Aws.Errors.ThrottlingException(
            new DialControl.Aws.Errors.AwsErrorDetails("CloudWatch", "DescribeAlarms", "Throttling", "Rate exceeded",
                400, "req-throttle"));

        var error = await Assert.ThrowsAsync<ScaleNodesException>(() => harness.InvokeAsync(Schedule(harness)));

        Assert.Equal("CloudWatch DescribeAlarms of the 4 configured alarms (scheduled event " +
            "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa) failed with Throttling (HTTP 400) after the SDK's retries; " +
            "no node group was changed", error.Message);
        Assert.Equal(["cloudwatch:DescribeAlarms"], harness.Calls.Calls);
        Assert.Equal(LogLevel.Error, Assert.Single(harness.Decisions).Level);
    }

    [Fact]
    public async Task InvokeAsync_AlarmsOverSeveralPages_ReadsEveryPageWithItsNextToken()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.PageSize = 1;
        harness.CloudWatch.SetMetricAlarm("dial-core-memory-high", "OK", null);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-low", "OK", null);
        harness.CloudWatch.IgnoreStateFilter = true;
        harness.CloudWatch.CompositeAlarms.Add(new CompositeAlarm
        {
            AlarmName = "dial-core-composite",
            StateValue = "ALARM",
            StateReasonData = AlarmEvents.CompositeReasonData(harness.Clock.GetUtcNow(), "dial-core-cpu-high"),
        });

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal([null, "1", "2"], harness.CloudWatch.Requests.Select(r => r.NextToken));
        Assert.Equal(("dial-core-composite", "out", 4), ((string)decision["alarm"]!, (string)decision["decision"]!,
            harness.Eks.DesiredSize!.Value));
    }

    [Fact]
    public async Task InvokeAsync_NextTokenNeverEnds_StopsAfterTheBoundedNumberOfPages()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.PageSize = 100;
        harness.CloudWatch.EndlessPages = true;
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM", null);

        var decision = await harness.DecideAsync(Schedule(harness));

        Assert.Equal(AlarmStateReader.MaxPages, harness.Calls.Count("cloudwatch:DescribeAlarms"));
        Assert.Equal(("out", 4), ((string)decision["decision"]!, harness.Eks.DesiredSize!.Value));
    }
}
