using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverCapacityTests
{
    [Fact]
    public async Task Activate_BelowTarget_RaisesDesiredAndMaxWithAStableToken()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();

        var activation = await harness.WithPlanAsync("activate", state);

        Assert.Equal(2, harness.Eks.Updates.Count);
        var core = harness.Eks.Updates[0];
        Assert.Equal(
            ("dial", "core", 5, 5),
            (core.ClusterName, core.NodegroupName, core.ScalingConfig!.DesiredSize, core.ScalingConfig.MaxSize));
        Assert.Null(core.ScalingConfig.MinSize);
        var gpu = harness.Eks.Updates[1];
        Assert.Equal(("gpu", 2, 4), (gpu.NodegroupName, gpu.ScalingConfig!.DesiredSize, gpu.ScalingConfig.MaxSize));
        Assert.Matches("^dialcontrol-[0-9a-f]{32}$", core.ClientRequestToken);
        Assert.Equal("raised core desired 0->5, max 2->5; gpu desired 1->2", activation["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activate_RunAgainAfterSuccess_ChangesNothingButStillReportsWhatThisRunRaised()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        await harness.WithPlanAsync("activate", state);

        var again = await harness.WithPlanAsync("activate", state);

        Assert.Equal(2, harness.Eks.Updates.Count);
        Assert.Equal(["core", "gpu"], again["changed"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(again["changed"]!.AsArray(), c => Assert.Null(c!["updateId"]));
    }

    [Fact]
    public async Task Activate_NodegroupAlreadyLarger_IsLeftAlone()
    {
        var harness = new FailoverStepHarness();
        harness.Eks.With("core", desired: 9, max: 10);
        var state = await harness.PlanAsync();

        var activation = await harness.WithPlanAsync("activate", state);

        Assert.Equal("gpu", Assert.Single(harness.Eks.Updates).NodegroupName);
        Assert.Equal("core", Assert.Single(activation["unchanged"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Activate_Throttled_IsTransientSoTheStateMachineRetries()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        harness.Eks.FailNextUpdate = AwsErrors.Throttled("EKS", "UpdateNodegroupConfig");

        var error = await Assert.ThrowsAsync<FailoverTransientException>(
            () => harness.WithPlanAsync("activate", state));

        Assert.Equal(
            "EKS UpdateNodegroupConfig of node group core in cluster dial (eu-west-1) to desired 5, max 5 failed " +
            "with ThrottlingException (HTTP 400); the step will be retried with backoff.",
            error.Message);
    }

    [Fact]
    public async Task Activate_SecondGroupDenied_SaysWhichGroupWasAlreadyRaised()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        harness.Eks.FailUpdateOf["gpu"] = AwsErrors.Denied("EKS", "UpdateNodegroupConfig");

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.WithPlanAsync("activate", state));

        Assert.Equal(
            "EKS UpdateNodegroupConfig of node group gpu in cluster dial (eu-west-1) to desired 2, max 4 failed with " +
            "AccessDeniedException (HTTP 403): EKS UpdateNodegroupConfig failed with AccessDeniedException " +
            "(HTTP 403, " +
            "request id req-fake): AccessDeniedException from the fake. This function's role lacks the permission; " +
            "fix its IAM policy (docs/deployment.md lists what each function is granted). " +
            "Already raised by this step: core 0->5.",
            error.Message);
    }

    [Fact]
    public async Task Activate_PlanNamingAnUnconfiguredGroup_IsRefusedBeforeAnyUpdate()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        state["plan"]!["nodegroups"]!.AsArray().Add(state["plan"]!["nodegroups"]![0]!.DeepClone());
        state["plan"]!["nodegroups"]![2]!["name"] = "other";

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.WithPlanAsync("activate", state));

        Assert.StartsWith("The plan names node group other, which FAILOVER_NODEGROUPS does not list", error.Message,
            StringComparison.Ordinal);
        Assert.Empty(harness.Eks.Updates);
    }

    [Fact]
    public async Task CheckCapacity_UpdatingThenActive_IsReadyOnlyWhenActiveAtTarget()
    {
        var harness = new FailoverStepHarness();
        harness.Eks.StatusAfterUpdate = "UPDATING";
        var state = await harness.PlanAsync();
        await harness.WithPlanAsync("activate", state);

        var waiting = await harness.WithPlanAsync("checkCapacity", state);
        harness.Eks.Nodegroups["core"].Status = "ACTIVE";
        harness.Eks.Nodegroups["gpu"].Status = "ACTIVE";
        var ready = await harness.WithPlanAsync("checkCapacity", state);

        Assert.False(waiting["ready"]!.GetValue<bool>());
        Assert.Equal("core UPDATING desired 5 of target 5; gpu UPDATING desired 2 of target 2",
            waiting["summary"]!.GetValue<string>());
        Assert.True(ready["ready"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CheckCapacity_NodegroupBeingDeleted_FailsWithWhatToDo()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        harness.Eks.Nodegroups["gpu"].Status = "DELETING";

        var error = await Assert.ThrowsAsync<FailoverStepException>(
            () => harness.WithPlanAsync("checkCapacity", state));

        Assert.Equal(
            "Standby node group gpu in cluster dial (eu-west-1) is DELETING; it cannot take the load. Repair " +
            "or recreate it, then start again.",
            error.Message);
    }
}
