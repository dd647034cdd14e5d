using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverPlanTests
{
    private static DateTimeOffset At(string time) =>
        DateTimeOffset.Parse($"2025-05-01T{time}Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Plan_RecordAtPrimary_ProceedsWithTheLargerOfConfiguredAndRecordedSizes()
    {
        var harness = new FailoverStepHarness();

        var state = await harness.PlanAsync();

        Assert.Equal("Proceed", state["decision"]!.GetValue<string>());
        var groups = state["plan"]!["nodegroups"]!.AsArray();
        Assert.Equal(5, groups[0]!["targetSize"]!.GetValue<int>());
        Assert.Equal(5, groups[0]!["recordedSize"]!.GetValue<int>());
        Assert.Equal(2, groups[1]!["targetSize"]!.GetValue<int>());
        Assert.Equal("gpu-primary", groups[1]!["primaryName"]!.GetValue<string>());
        Assert.Equal(FailoverSettings.PrimaryLb, state["plan"]!["record"]!["currentValue"]!.GetValue<string>());
        Assert.Equal(30, state["plan"]!["limits"]!["capacityPollSeconds"]!.GetValue<int>());
        Assert.Equal("""{"targetRegion":"eu-west-1","reason":"eu-central-1 outage","dryRun":false,"force":false}""",
            state["request"]!.ToJsonString());
        Assert.Empty(harness.Eks.Updates);
        Assert.Empty(harness.Route53.Changes);
    }

    [Fact]
    public async Task Plan_Proceed_SummaryNamesEveryChange()
    {
        var state = await new FailoverStepHarness().PlanAsync();

        Assert.Equal(
            "Failing over to eu-west-1: will raise node groups [core 0->5 (configured 3, core recorded at 5 on " +
            "2025-05-01 10:00:00Z); gpu 1->2 (configured 2, gpu-primary recorded at 1 on 2025-05-01 10:00:00Z)], " +
            "then " +
            "switch chat.example.com A from dial-primary-456.eu-central-1.elb.amazonaws.com to " +
            "dial-standby-123.eu-west-1.elb.amazonaws.com.",
            state["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plan_RecordAlreadyAtStandby_IsAlreadyActiveAndChangesNothing()
    {
        var harness = new FailoverStepHarness();
        harness.Route53.Records.Clear();
        harness.Route53.WithAlias(
            FailoverSettings.RecordName,
            "DualStack." + FailoverSettings.StandbyLb.ToUpperInvariant());

        var state = await harness.PlanAsync();

        Assert.Equal("AlreadyActive", state["decision"]!.GetValue<string>());
        Assert.Equal(
            "Already active: chat.example.com A already points at dial-standby-123.eu-west-1.elb.amazonaws.com " +
            "(eu-west-1); nothing was changed.",
            state["summary"]!.GetValue<string>());
        Assert.Empty(harness.StepFunctions.Lists);
        Assert.Empty(harness.Eks.Updates);
    }

    [Fact]
    public async Task Plan_DryRun_ReturnsThePlanWithoutLookingForOtherRuns()
    {
        var harness = new FailoverStepHarness();
        harness.RunningElsewhere("earlier", At("10:00:00"));

        var state = await harness.PlanAsync(FailoverStepHarness.Request(dryRun: true));

        Assert.Equal("DryRun", state["decision"]!.GetValue<string>());
        Assert.StartsWith("Dry run, nothing was changed. A failover to eu-west-1 would raise node groups [core 0->5",
            state["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.StepFunctions.Lists);
    }

    [Fact]
    public async Task Plan_InvalidInput_FailsNamingTheFieldBeforeAnyAwsCall()
    {
        var harness = new FailoverStepHarness();

        var error = await Assert.ThrowsAsync<FailoverInputException>(
            () => harness.PlanAsync(new JsonObject { ["targetRegion"] = "eu-west-1" }));

        Assert.Equal("field 'reason' is required; expected a short text saying why, such as \"eu-west-1 outage\"",
            Assert.Single(error.Problems));
        Assert.Equal(0, harness.Eks.Describes);
        Assert.Empty(harness.StepFunctions.Lists);
    }

    [Fact]
    public async Task Plan_EarlierExecutionRunning_IsRefusedNamingIt()
    {
        var harness = new FailoverStepHarness();
        harness.RunningElsewhere("run-0", At("10:19:00"));
        harness.RunningElsewhere("run-1", At("10:20:00"));

        var error = await Assert.ThrowsAsync<FailoverRefusedException>(() => harness.PlanAsync());

        Assert.Equal(
            "Another failover, execution run-0 " +
            "(arn:aws:states:eu-west-1:123456789012:execution:region-failover:run-0), " +
            "started at 2025-05-01 10:19:00Z and is still running, so this one stopped before changing anything. " +
            "Wait " +
            "for it to finish, or stop it with: aws stepfunctions stop-execution --execution-arn " +
            "arn:aws:states:eu-west-1:123456789012:execution:region-failover:run-0",
            error.Message);
        Assert.Equal("arn:aws:states:eu-west-1:123456789012:stateMachine:region-failover",
            Assert.Single(harness.StepFunctions.Lists).StateMachineArn);
        Assert.Equal("RUNNING", harness.StepFunctions.Lists[0].StatusFilter);
    }

    [Fact]
    public async Task Plan_LaterExecutionRunning_ProceedsBecauseTheLaterOneStops()
    {
        var harness = new FailoverStepHarness();
        harness.RunningElsewhere("run-2", At("10:21:00"));

        var state = await harness.PlanAsync();

        Assert.Equal("Proceed", state["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plan_WeightedRecord_IsRefusedRatherThanHalfSwitched()
    {
        var harness = new FailoverStepHarness();
        harness.Route53.Records[0].SetIdentifier = "primary";

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.PlanAsync());

        Assert.StartsWith("The record chat.example.com A in hosted zone Z0HOSTEDZONE uses a routing policy (set " +
            "identifier 'primary'); DialControl switches simple records only. Nothing was changed.", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_StandbyNodegroupMissing_NamesItAndTheCluster()
    {
        var harness = new FailoverStepHarness();
        harness.Eks.Nodegroups.Remove("gpu");

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.PlanAsync());

        Assert.StartsWith("EKS DescribeNodegroup of node group gpu in cluster dial (eu-west-1) failed with " +
            "ResourceNotFoundException (HTTP 404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NothingRecorded_UsesTheConfiguredSizes()
    {
        var harness = new FailoverStepHarness();
        harness.Snapshots.Stored.Clear();

        var state = await harness.PlanAsync();

        var groups = state["plan"]!["nodegroups"]!.AsArray();
        Assert.Equal([3, 2], groups.Select(g => g!["targetSize"]!.GetValue<int>()));
        Assert.Null(groups[0]!["recordedSize"]);
    }
}
