using System.Text.Json.Nodes;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>
/// Two reactions on one node group at the same moment: both read the same node group before either
/// writes. The node group lock lets one change through; the other never adds a second step.
/// </summary>
public sealed class RaceTests
{
    private static void HoldDescribesUntil(ScalingHarness harness, int readers)
    {
        var arrived = 0;
        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Eks.AfterDescribe = async () =>
        {
            if (Interlocked.Increment(ref arrived) == readers)
            {
                allRead.TrySetResult();
            }

            await allRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };
    }

    private static async Task<JsonObject[]> RaceAsync(ScalingHarness harness, params string[] payloads)
    {
        HoldDescribesUntil(harness, payloads.Length);
        var responses = await Task.WhenAll(payloads.Select(harness.DecideAsync));
        harness.Eks.AfterDescribe = null;
        return responses;
    }

    private static string MemoryHigh(ScalingHarness harness) => AlarmEvents.EventBridge("dial-core-memory-high", "ALARM",
        harness.Clock.GetUtcNow().AddSeconds(-10), null, id: "5f2b0b1e-0000-4000-8000-000000000002");

    [Fact]
    public async Task InvokeAsync_TwoAlarmsAtOnce_AddOneStepOnly()
    {
        var harness = ScalingHarness.Create(desired: 3, max: 12);

        var decisions = await RaceAsync(harness, harness.CpuHigh(25), MemoryHigh(harness));

        var update = Assert.Single(harness.Eks.Updates);
        var winner = Assert.Single(decisions, d => (bool)d["changed"]!);
        var loser = Assert.Single(decisions, d => !(bool)d["changed"]!);
        Assert.Equal(3 + (int)winner["delta"]!, harness.Eks.DesiredSize);
        Assert.Equal(update.ScalingConfig!.DesiredSize, harness.Eks.DesiredSize);
        Assert.Equal(("skip", "locked"), ((string)loser["decision"]!, (string)loser["reasonCode"]!));
        Assert.Equal($"node group core is being changed for {winner["eventKey"]} (lock until 2025-03-01T12:01:00Z); " +
            $"event {loser["eventKey"]} changes nothing", (string)loser["reason"]!);
    }

    [Fact]
    public async Task InvokeAsync_TwoAlarmsAtOnceBelowTheCeiling_NeverPassTheCeiling()
    {
        var harness = ScalingHarness.Create(desired: 9, max: 12);

        await RaceAsync(harness, harness.CpuHigh(25), MemoryHigh(harness));

        Assert.Single(harness.Eks.Updates);
        Assert.Equal(10, harness.Eks.DesiredSize);
    }

    [Fact]
    public async Task InvokeAsync_ScaleOutAndScaleInAtOnce_MakeOneChange()
    {
        var harness = ScalingHarness.Create(desired: 5, scaleIn: true);
        var low = AlarmEvents.EventBridge("dial-core-cpu-low", "ALARM", harness.Clock.GetUtcNow().AddSeconds(-10),
            null, id: "5f2b0b1e-0000-4000-8000-000000000003");

        await RaceAsync(harness, harness.CpuHigh(25), low);

        Assert.Single(harness.Eks.Updates);
        Assert.Contains(harness.Eks.DesiredSize, new int?[] { 4, 7 });
    }

    [Fact]
    public async Task InvokeAsync_SameEventTwiceAtOnce_SendsOneChangeUnderOneToken()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var payload = harness.CpuHigh(25);

        await RaceAsync(harness, payload, payload);

        // The second delivery finds the claim but the node group still at 3, so it sends the claimed change
        // again with the claimed token: EKS treats both calls as one update, and the size is absolute anyway.
        Assert.All(harness.Eks.Updates, u => Assert.Equal((5, harness.Eks.Updates[0].ClientRequestToken),
            (u.ScalingConfig!.DesiredSize!.Value, u.ClientRequestToken)));
        Assert.Equal(5, harness.Eks.DesiredSize);
    }

    [Fact]
    public async Task InvokeAsync_SecondAlarmSeesAStaleNodeGroup_IsHeldOffByTheLock()
    {
        var harness = ScalingHarness.Create(desired: 3);
        await harness.InvokeAsync(harness.CpuHigh(25));
        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        // An eventually consistent read: EKS has taken the change but answers with the node group as before.
        harness.Eks.DesiredSize = 3;
        harness.Eks.ModifiedAt = ScalingHarness.Start.AddHours(-1);
        var second = await harness.DecideAsync(MemoryHigh(harness));

        Assert.Equal("locked", (string)second["reasonCode"]!);
        Assert.Single(harness.Eks.Updates);
    }
}
