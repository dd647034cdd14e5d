using DialControl.Functions.Scaling;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

public sealed class ScaleDeciderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static readonly ScalePolicy Out = new("dial-core-cpu-high", "core", ScaleDirection.Out, AlarmSide.Above,
        [new ScaleStep(0, 20, 1), new ScaleStep(20, null, 2)], TimeSpan.FromSeconds(300), Max: 10, Min: null);

    private static readonly ScalePolicy In = new("dial-core-cpu-low", "core", ScaleDirection.In, AlarmSide.Below,
        [], TimeSpan.FromSeconds(600), Max: null, Min: 2);

    private static NodeGroupObservation NodeGroup(int desired, int min = 1, int max = 12, string status = "ACTIVE",
        double modifiedSecondsAgo = 3600) =>
        new(status, min, max, desired, Clock.GetUtcNow().AddSeconds(-modifiedSecondsAgo));

    private static ScaleDecision Decide(NodeGroupObservation nodeGroup, ScalePolicy? policy = null,
        double? breach = 5, string state = "ALARM", bool scaleIn = true) =>
        ScaleDecider.Decide(state, breach is { } size ? new Breach(size, $"breach {size}") : Breach.Unknown("no data"),
            nodeGroup, policy ?? Out, scaleIn, Clock.GetUtcNow());

    // Scale-out table: desired, minSize, maxSize, breach (NaN: unknown), then decision, delta, new size, code.
    [Theory]
    [InlineData(3, 1, 12, 5.0, "out", 1, 4, "scale-out")]
    [InlineData(3, 1, 12, 0.0, "out", 1, 4, "scale-out")]
    [InlineData(3, 1, 12, 19.99, "out", 1, 4, "scale-out")]
    [InlineData(3, 1, 12, 20.0, "out", 2, 5, "scale-out")]
    [InlineData(3, 1, 12, 250.0, "out", 2, 5, "scale-out")]
    [InlineData(3, 1, 12, double.NaN, "out", 1, 4, "scale-out")]
    [InlineData(9, 1, 12, 25.0, "out", 1, 10, "scale-out")]
    [InlineData(10, 1, 12, 25.0, "skip", 0, null, "at-ceiling")]
    [InlineData(12, 1, 12, 25.0, "skip", 0, null, "at-ceiling")]
    [InlineData(7, 1, 8, 25.0, "out", 1, 8, "scale-out")]
    [InlineData(8, 1, 8, 5.0, "skip", 0, null, "at-ceiling")]
    [InlineData(0, 0, 12, 5.0, "out", 1, 1, "scale-out")]
    public void Decide_ScaleOutTable_GivesStepWithinCeiling(int desired, int min, int max, double breach,
        string decision, int delta, int? newDesired, string code)
    {
        var result = Decide(NodeGroup(desired, min, max), breach: double.IsNaN(breach) ? null : breach);

        Assert.Equal((decision, delta, newDesired, code), (result.Name, result.Delta, result.NewDesiredSize, result.ReasonCode));
    }

    // Scale-in table: desired, minSize, policy min, then decision, new size, code.
    [Theory]
    [InlineData(5, 1, 2, "in", 4, "scale-in")]
    [InlineData(3, 1, 2, "in", 2, "scale-in")]
    [InlineData(2, 1, 2, "skip", null, "at-floor")]
    [InlineData(1, 1, 2, "skip", null, "at-floor")]
    [InlineData(5, 4, 2, "in", 4, "scale-in")]
    [InlineData(4, 4, 2, "skip", null, "at-floor")]
    [InlineData(1, 0, null, "in", 0, "scale-in")]
    public void Decide_ScaleInTable_RemovesOneNodeAboveFloor(int desired, int minSize, int? policyMin,
        string decision, int? newDesired, string code)
    {
        var result = Decide(NodeGroup(desired, minSize), In with { Min = policyMin });

        Assert.Equal((decision, newDesired, code), (result.Name, result.NewDesiredSize, result.ReasonCode));
        Assert.Equal(decision == "in" ? -1 : 0, result.Delta);
    }

    // Cooldown from modifiedAt: seconds since the change, policy direction, expected code.
    [Theory]
    [InlineData(0, "out", "cooldown")]
    [InlineData(299, "out", "cooldown")]
    [InlineData(300, "out", "scale-out")]
    [InlineData(599, "in", "cooldown")]
    [InlineData(600, "in", "scale-in")]
    public void Decide_ModifiedAtAgainstCooldown_SkipsInsideAndActsAtTheEnd(double secondsAgo, string direction,
        string code)
    {
        var policy = direction == "out" ? Out : In;

        var result = Decide(NodeGroup(5, modifiedSecondsAgo: secondsAgo), policy);

        Assert.Equal(code, result.ReasonCode);
    }

    [Theory]
    [InlineData("UPDATING")]
    [InlineData("DEGRADED")]
    [InlineData("CREATING")]
    [InlineData("DELETING")]
    public void Decide_NodeGroupNotActive_SkipsAndSaysTheStatus(string status)
    {
        var result = Decide(NodeGroup(3, status: status));

        Assert.Equal("not-active", result.ReasonCode);
        Assert.Equal($"node group core is {status}, not ACTIVE; nothing changed", result.Reason);
    }

    [Fact]
    public void Decide_StepOut_ReasonNamesBreachStepAndCeiling()
    {
        var result = ScaleDecider.Decide("ALARM", new Breach(25, "breach 25 above the threshold 80"),
            NodeGroup(3), Out, scaleInEnabled: false, Clock.GetUtcNow());

        Assert.Equal("desired size 3 -> 5: step +2 for breach 25 above the threshold 80, step [20, no upper bound), " +
            "within the ceiling 10 (policy max 10, node group maxSize 12)", result.Reason);
    }

    [Fact]
    public void Decide_StepBeyondCeiling_IsCappedAndSaysSo()
    {
        var result = Decide(NodeGroup(9), breach: 30);

        Assert.Equal("desired size 9 -> 10: step +2 for breach 30, step [20, no upper bound), capped at the ceiling " +
            "10 (policy max 10, node group maxSize 12)", result.Reason);
    }

    [Fact]
    public void Decide_UnknownBreach_TakesSmallestStepAndSaysWhy()
    {
        var policy = Out with { Steps = [new ScaleStep(0, 10, 3), new ScaleStep(10, null, 2)] };

        var result = Decide(NodeGroup(3), policy, breach: null);

        Assert.Equal(2, result.Delta);
        Assert.Equal("desired size 3 -> 5: step +2 for the smallest step, as the breach size is unknown (no data), " +
            "within the ceiling 10 (policy max 10, node group maxSize 12)", result.Reason);
    }

    [Fact]
    public void Decide_CeilingBelowCurrentSize_SkipsAndNeverScalesIn()
    {
        var result = Decide(NodeGroup(12, max: 12));

        Assert.Equal("skip", result.Name);
        Assert.Null(result.NewDesiredSize);
        Assert.Equal("desired size 12 of node group core is at or above the ceiling 10 (policy max 10, node group " +
            "maxSize 12); nothing changed", result.Reason);
    }

    [Fact]
    public void Decide_NoPolicyMax_CeilingIsMaxSize()
    {
        var result = Decide(NodeGroup(11, max: 12), Out with { Max = null }, breach: 40);

        Assert.Equal(12, result.NewDesiredSize);
        Assert.EndsWith("capped at the ceiling 12 (policy max none, node group maxSize 12)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InsideCooldown_ReasonNamesModifiedAtAndEnd()
    {
        var result = Decide(NodeGroup(3, modifiedSecondsAgo: 120));

        Assert.Equal("node group core was modified at 2025-03-01T11:58:00Z; the scale-out cooldown of 300 s ends at " +
            "2025-03-01T12:03:00Z; nothing changed", result.Reason);
    }

    [Fact]
    public void Decide_NoModifiedAt_HasNoCooldown()
    {
        var result = Decide(new NodeGroupObservation("ACTIVE", 1, 12, 3, null));

        Assert.Equal("scale-out", result.ReasonCode);
    }

    [Fact]
    public void Decide_IncompleteScalingConfig_Skips()
    {
        var result = Decide(new NodeGroupObservation("ACTIVE", 1, null, 3, null));

        Assert.Equal("no-scaling-config", result.ReasonCode);
    }

    [Fact]
    public void Decide_ScaleInDisabled_SkipsBeforeLookingAtSizes()
    {
        var result = Decide(NodeGroup(5), In, scaleIn: false);

        Assert.Equal(("skip", "scale-in-disabled"), (result.Name, result.ReasonCode));
        Assert.Equal("scale-in of node group core is disabled (SCALE_IN_ENABLED is false); nothing changed", result.Reason);
    }

    [Fact]
    public void Decide_ScaleIn_ReasonNamesFloor()
    {
        var result = Decide(NodeGroup(5, min: 1), In);

        Assert.Equal("desired size 5 -> 4: one node in, within the floor 2 (policy min 2, node group minSize 1)", result.Reason);
    }

    [Theory]
    [InlineData("INSUFFICIENT_DATA", "insufficient-data",
        "alarm dial-core-cpu-high is INSUFFICIENT_DATA, which is logged and ignored; nothing changed")]
    [InlineData("OK", "alarm-ok", "alarm dial-core-cpu-high is OK and only ALARM scales; nothing changed")]
    public void Decide_AlarmNotInAlarm_Skips(string state, string code, string reason)
    {
        var result = Decide(NodeGroup(3), state: state);

        Assert.Equal((code, reason), (result.ReasonCode, result.Reason));
    }

    [Fact]
    public void Decide_SameInputs_SameDecision()
    {
        var nodeGroup = NodeGroup(4);

        Assert.Equal(Decide(nodeGroup, breach: 21), Decide(nodeGroup, breach: 21));
    }
}
