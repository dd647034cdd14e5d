using System.Text.Json.Nodes;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverAnnounceTests
{
    /// <summary>Runs the steps as the state machine does, adding each result under its key.</summary>
    private static async Task<JsonObject> CompletedStateAsync(FailoverStepHarness harness)
    {
        var state = await harness.PlanAsync();
        state["activation"] = await harness.WithPlanAsync("activate", state);
        state["capacityChecks"] = new JsonObject { ["count"] = 1 };
        state["capacity"] = await harness.WithPlanAsync("checkCapacity", state);
        state["health"] = await harness.InvokeAsync(new JsonObject { ["action"] = "checkHealth" });
        state["dns"] = await harness.InvokeAsync(new JsonObject
        {
            ["action"] = "switchDns",
            ["plan"] = state["plan"]!.DeepClone(),
            ["request"] = state["request"]!.DeepClone(),
            ["health"] = state["health"]!.DeepClone(),
        });
        state["sync"] = new JsonObject { ["status"] = "INSYNC" };
        return state;
    }

    [Fact]
    public async Task Announce_Completed_SendsOneEventAndOneMessageSayingWhatChanged()
    {
        var harness = new FailoverStepHarness();
        var state = await CompletedStateAsync(harness);

        var announcement = await harness.WithStateAsync("announce", state);

        var sent = Assert.Single(harness.Announcements.Events);
        Assert.Equal(
            ("dialcontrol", "DialControl Failover Completed", "default"),
            (sent.Source, sent.DetailType, sent.EventBusName));
        var detail = JsonNode.Parse(sent.Detail!)!;
        Assert.Equal("completed", detail["outcome"]!.GetValue<string>());
        Assert.Equal(FailoverSettings.PrimaryLb, detail["previousValue"]!.GetValue<string>());
        Assert.Equal(FailoverSettings.StandbyLb, detail["newValue"]!.GetValue<string>());
        Assert.Equal(["core", "gpu"], detail["nodegroups"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        var message = Assert.Single(harness.Announcements.Messages);
        Assert.Equal(
            (FailoverSettings.TopicArn, "DialControl: failover to eu-west-1 completed"),
            (message.TopicArn, message.Subject));
        Assert.Equal(
            "Failover to eu-west-1 completed. Reason: eu-central-1 outage. Node groups: raised core desired 0->5, " +
            "max 2->5; gpu desired 1->2. DNS: chat.example.com switched from " +
            "dial-primary-456.eu-central-1.elb.amazonaws.com " +
            "to dial-standby-123.eu-west-1.elb.amazonaws.com (change /change/C1), INSYNC. Execution: " +
            "arn:aws:states:eu-west-1:123456789012:execution:region-failover:run-1. No fail-back is needed when " +
            "eu-central-1 recovers.",
            message.Message);
        Assert.Equal("msg-1", announcement["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportFailure_UnhealthyStandby_SaysNodegroupsRaisedDnsUnchangedAndHowToForce()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        state["activation"] = await harness.WithPlanAsync("activate", state);
        state["capacity"] = new JsonObject { ["ready"] = true, ["summary"] = "ready" };
        state["health"] = new JsonObject { ["healthy"] = false, ["summary"] = "probe answered HTTP 503" };
        state["error"] = new JsonObject
        {
            ["Error"] = "FailoverStandbyUnhealthy",
            ["Cause"] = "The standby stayed unhealthy for 8 checks, 15 seconds apart: probe answered HTTP 503",
        };

        var failure = await harness.WithStateAsync("reportFailure", state);

        Assert.Equal("FailoverStandbyUnhealthy", failure["error"]!.GetValue<string>());
        Assert.Equal(
            "Failover to eu-west-1 failed while it tried to confirm the standby is healthy: " +
            "The standby stayed unhealthy " +
            "for 8 checks, 15 seconds apart: probe answered HTTP 503. Changed: node groups raised core desired 0->5, " +
            "max 2->5; gpu desired 1->2. Not changed: DNS: chat.example.com A still points at " +
            "dial-primary-456.eu-central-1.elb.amazonaws.com. Next: check the standby endpoint; if it must take the " +
            "traffic anyway, start again with \"force\": true.",
            failure["cause"]!.GetValue<string>());
        Assert.Equal("DialControl Failover Failed", Assert.Single(harness.Announcements.Events).DetailType);
        Assert.Equal("DialControl: failover to eu-west-1 FAILED (FailoverStandbyUnhealthy)",
            Assert.Single(harness.Announcements.Messages).Subject);
        Assert.Empty(harness.Route53.Changes.Skip(0));
    }

    [Fact]
    public async Task ReportFailure_InvalidInputAtPlan_ReadsTheLambdaErrorJsonAndSaysNothingChanged()
    {
        var harness = new FailoverStepHarness();
        var state = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["Error"] = "FailoverInputException",
                ["Cause"] =
                    """{"errorType":"FailoverInputException","errorMessage":"The failover input is invalid, """ +
                    """so nothing was changed: field 'reason' is required.","stackTrace":[]}""",
            },
        };

        var failure = await harness.WithStateAsync("reportFailure", state);

        Assert.Equal(
            "Failover to this region failed while it tried to plan: The failover input is invalid, so nothing was " +
            "changed: field 'reason' is required. Changed: nothing. Not changed: node groups; DNS. " +
            "Next: fix the input " +
            "and start the execution again.",
            failure["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportFailure_SyncTimedOut_SaysTheChangeIsSubmittedAndHowToCheckIt()
    {
        var harness = new FailoverStepHarness();
        var state = await CompletedStateAsync(harness);
        state["sync"] = new JsonObject { ["status"] = "PENDING" };
        state["error"] = new JsonObject
        {
            ["Error"] = "FailoverSyncTimeout",
            ["Cause"] = "Route 53 still reported change /change/C1 as PENDING after 30 checks, 10 seconds apart",
        };

        var failure = await harness.WithStateAsync("reportFailure", state);

        Assert.Equal(
            "Failover to eu-west-1 failed while it tried to confirm the DNS change is INSYNC: " +
            "Route 53 still reported " +
            "change /change/C1 as PENDING after 30 checks, 10 seconds apart. " +
            "Changed: node groups raised core desired " +
            "0->5, max 2->5; gpu desired 1->2; DNS chat.example.com switched from " +
            "dial-primary-456.eu-central-1.elb.amazonaws.com to dial-standby-123.eu-west-1.elb.amazonaws.com (change " +
            "/change/C1). Not changed: nothing. Next: the change stays submitted; " +
            "check it with aws route53 get-change " +
            "--id /change/C1.",
            failure["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReportFailure_LocalInterpreterCause_StripsTheTypePrefix()
    {
        var harness = new FailoverStepHarness();
        var state = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["Error"] = "FailoverRefusedException",
                ["Cause"] = "FailoverRefusedException: Another failover is running",
            },
        };

        var failure = await harness.WithStateAsync("reportFailure", state);

        Assert.StartsWith(
            "Failover to this region failed while it tried to plan: Another failover is running. Changed: " +
            "nothing.",
            failure["cause"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.EndsWith("Next: let the running failover finish; start again only if it fails.",
            failure["cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
