using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

/// <summary>The wait bounds: definition substitutions that the plan step checks and puts in the plan.</summary>
public sealed class FailoverLimitsTests
{
    private static JsonObject PlanWith(JsonNode? limits)
    {
        var payload = FailoverStepHarness.PlanPayload(FailoverStepHarness.Request());
        payload["limits"] = limits;
        return payload;
    }

    [Fact]
    public async Task Plan_SubstitutedBounds_AreThePlansLimits()
    {
        var harness = new FailoverStepHarness();
        var limits = FailoverStepHarness.Limits(new FailoverLimits(5, 6, 7, 3, 9, 10));

        var state = await harness.InvokeAsync(PlanWith(limits));

        Assert.True(JsonNode.DeepEquals(limits, state["plan"]!["limits"]), state["plan"]!["limits"]!.ToJsonString());
    }

    [Fact]
    public async Task Plan_BoundsMissingOrOutOfRange_FailsNamingEachSubstitutionBeforeAnyAwsCall()
    {
        var harness = new FailoverStepHarness();
        var limits = FailoverStepHarness.Limits(FailoverLimits.Defaults);
        limits["capacityPollSeconds"] = 0;
        limits["healthMaxChecks"] = "8";
        limits["syncMaxChecks"] = 2.5;
        limits.Remove("syncPollSeconds");

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.InvokeAsync(PlanWith(limits)));

        Assert.Equal(
            "The state machine's wait bounds (its definition substitutions) are invalid, so nothing was changed: " +
            "CapacityPollSeconds is 0; expected a whole number of seconds from 1 to 300; HealthMaxChecks is \"8\"; " +
            "expected a whole number of checks from 1 to 100; SyncPollSeconds is missing; expected a whole number " +
            "of seconds from 1 to 300; SyncMaxChecks is 2.5; expected a whole number of checks from 1 to 200. Fix " +
            "them in the template's DefinitionSubstitutions and deploy again.",
            error.Message);
        Assert.Equal(0, harness.Eks.Describes);
        Assert.Empty(harness.StepFunctions.Lists);
    }

    [Fact]
    public async Task Plan_DefinitionWithoutBounds_NamesEverySubstitution()
    {
        var harness = new FailoverStepHarness();

        var error = await Assert.ThrowsAsync<FailoverStepException>(() => harness.InvokeAsync(PlanWith(null)));

        Assert.All(FailoverLimits.SubstitutionNames,
            name => Assert.Contains($"{name} is missing", error.Message, StringComparison.Ordinal));
    }
}
