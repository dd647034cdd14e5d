using DialControl.Functions.Tests.Scaling.Fakes;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>At-least-once delivery: the same event again, in either shape and at any time, changes nothing.</summary>
public sealed class DuplicateDeliveryTests
{
    private const string Key = "alarm|dial-core-cpu-high|2025-03-01T11:59:40.000Z";

    [Fact]
    public async Task InvokeAsync_SameEventAgainAfterCooldown_ChangesNothing()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = harness.CpuHigh(25);
        await harness.InvokeAsync(payload);
        harness.Clock.Advance(TimeSpan.FromSeconds(301));

        var again = await harness.DecideAsync(payload);

        Assert.Equal(("skip", "duplicate"), ((string)again["decision"]!, (string)again["reasonCode"]!));
        Assert.Equal($"event {Key} already set node group core to desired size 5 (claimed at 2025-03-01T12:00:00Z); " +
            "this delivery changes nothing", (string)again["reason"]!);
        Assert.Single(harness.Eks.Updates);
        Assert.Equal(5, harness.Eks.DesiredSize);
        Assert.Equal(
            ["eks:DescribeNodegroup", "dynamodb:TransactWriteItems", "eks:UpdateNodegroupConfig",
                "eks:DescribeNodegroup", "dynamodb:TransactWriteItems"],
            harness.Calls.Calls);
    }

    [Fact]
    public async Task InvokeAsync_SameEventAgainAtOnce_StopsAtTheCooldownWithoutWriting()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = harness.CpuHigh(25);
        await harness.InvokeAsync(payload);

        var again = await harness.DecideAsync(payload);

        Assert.Equal("cooldown", (string)again["reasonCode"]!);
        Assert.Equal(1, harness.Calls.Count("dynamodb:TransactWriteItems"));
    }

    [Fact]
    public async Task InvokeAsync_SameStateChangeThroughEventBridgeAndAlarmAction_ChangesOnce()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var stateTime = harness.Clock.GetUtcNow().AddSeconds(-20);
        var reasonData = AlarmEvents.ReasonData(stateTime, 80, 105);
        await harness.InvokeAsync(AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM", stateTime, reasonData));
        harness.Clock.Advance(TimeSpan.FromSeconds(301));

        var action = await harness.DecideAsync(
            AlarmEvents.AlarmAction("dial-core-cpu-high", "ALARM", stateTime, reasonData));

        Assert.Equal("duplicate", (string)action["reasonCode"]!);
        Assert.Single(harness.Eks.Updates);
    }

    [Fact]
    public async Task InvokeAsync_CrashBetweenClaimAndUpdate_RedeliverySendsTheSameChangeOnce()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = harness.CpuHigh(25);
        harness.Eks.UpdateFailure = FakeEks.InternalFailure("UpdateNodegroupConfig");
        await Assert.ThrowsAsync<DialControl.Functions.Scaling.ScaleNodesException>(() => harness.InvokeAsync(payload));
        harness.Eks.UpdateFailure = null;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var retried = await harness.DecideAsync(payload);
        harness.Clock.Advance(TimeSpan.FromSeconds(301));
        var third = await harness.DecideAsync(payload);

        Assert.Equal(("out", "retry", 2, true), ((string)retried["decision"]!, (string)retried["reasonCode"]!,
            (int)retried["delta"]!, (bool)retried["changed"]!));
        Assert.Equal($"event {Key} was claimed at 2025-03-01T12:00:00Z but its change never reached node group core " +
            "(desired size still 3); sending desired size 3 -> 5 again with the same clientRequestToken",
            (string)retried["reason"]!);
        Assert.Equal(2, harness.Eks.Updates.Count);
        Assert.Equal(harness.Eks.Updates[0].ClientRequestToken, harness.Eks.Updates[1].ClientRequestToken);
        Assert.All(harness.Eks.Updates, u => Assert.Equal(5, u.ScalingConfig!.DesiredSize));
        Assert.Equal(("duplicate", 5), ((string)third["reasonCode"]!, harness.Eks.DesiredSize!.Value));
    }

    [Fact]
    public async Task InvokeAsync_UpdateLandedButAnswerLost_RedeliveryChangesNothing()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = harness.CpuHigh(25);
        harness.Eks.UpdateFailure = FakeEks.InternalFailure("UpdateNodegroupConfig");
        harness.Eks.ApplyBeforeFailure = true;
        await Assert.ThrowsAsync<DialControl.Functions.Scaling.ScaleNodesException>(() => harness.InvokeAsync(payload));
        harness.Eks.UpdateFailure = null;
        harness.Clock.Advance(TimeSpan.FromSeconds(301));

        var again = await harness.DecideAsync(payload);

        Assert.Equal("duplicate", (string)again["reasonCode"]!);
        Assert.Single(harness.Eks.Updates);
        Assert.Equal(5, harness.Eks.DesiredSize);
    }

    [Fact]
    public async Task InvokeAsync_RedeliveryAfterALaterStep_ChangesNothing()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var first = harness.CpuHigh(25);
        await harness.InvokeAsync(first);
        harness.Clock.Advance(TimeSpan.FromSeconds(301));
        await harness.InvokeAsync(AlarmEvents.EventBridge("dial-core-memory-high", "ALARM",
            harness.Clock.GetUtcNow().AddSeconds(-5), null));
        harness.Clock.Advance(TimeSpan.FromSeconds(301));

        var again = await harness.DecideAsync(first);

        Assert.Equal($"event {Key} was claimed at 2025-03-01T12:00:00Z for desired size 3 -> 5, and node group core " +
            "has changed since (desired size 6); this delivery changes nothing", (string)again["reason"]!);
        Assert.Equal(6, harness.Eks.DesiredSize);
        Assert.Equal(2, harness.Eks.Updates.Count);
    }

    [Fact]
    public async Task InvokeAsync_ScheduledEventAgainAfterCooldown_ChangesNothingButTheNextOneSteps()
    {
        var harness = ScalingHarness.Create(desired: 3);
        harness.CloudWatch.SetMetricAlarm("dial-core-cpu-high", "ALARM",
            AlarmEvents.ReasonData(harness.Clock.GetUtcNow(), 80, 90));
        var first = AlarmEvents.Schedule("schedule-1", harness.Clock.GetUtcNow());
        await harness.InvokeAsync(first);
        harness.Clock.Advance(TimeSpan.FromSeconds(301));

        var again = await harness.DecideAsync(first);
        var next = await harness.DecideAsync(AlarmEvents.Schedule("schedule-2", harness.Clock.GetUtcNow()));

        Assert.Equal(("duplicate", "schedule|schedule-1|dial-core-cpu-high"), ((string)again["reasonCode"]!,
            (string)again["eventKey"]!));
        Assert.Equal(("out", 5), ((string)next["decision"]!, harness.Eks.DesiredSize!.Value));
        Assert.Equal(2, harness.Eks.Updates.Count);
    }

    [Fact]
    public async Task InvokeAsync_DryRun_WritesNoRecord()
    {
        var harness = ScalingHarness.Create(desired: 3, dryRun: true);
        var payload = harness.CpuHigh(25);

        await harness.InvokeAsync(payload);
        var again = await harness.DecideAsync(payload);

        Assert.Equal(("out", true), ((string)again["decision"]!, (bool)again["dryRun"]!));
        Assert.Empty(harness.Table.Keys);
        Assert.Empty(harness.Calls.MutatingCalls);
    }

    [Fact]
    public async Task InvokeAsync_Claim_StoresEventRecordAndNodeGroupLockWithTtl()
    {
        var harness = ScalingHarness.Create(desired: 3);

        await harness.InvokeAsync(harness.CpuHigh(25));

        var record = harness.Table.Item("scale#event#" + Key, "dial/core")!;
        Assert.Equal(("3", "5", "dial-core-cpu-high"), (record["fromDesiredSize"].N, record["targetDesiredSize"].N,
            record["alarm"].S));
        Assert.Equal(ScalingHarness.Start.AddDays(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            record["expiresAt"].N);
        var lockItem = harness.Table.Item("scale#lock#dial/core", "lock")!;
        Assert.Equal((Key, ScalingHarness.Start.AddSeconds(60).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (lockItem["holder"].S, lockItem["lockedUntil"].N));
    }
}
