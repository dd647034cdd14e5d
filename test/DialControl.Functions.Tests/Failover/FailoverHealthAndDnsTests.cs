using System.Text.Json.Nodes;
using DialControl.Aws.Errors;
using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverHealthAndDnsTests
{
    private static JsonObject SwitchPayload(JsonObject state, bool healthy, bool force = false) => new()
    {
        ["action"] = "switchDns",
        ["plan"] = state["plan"]!.DeepClone(),
        ["request"] = FailoverStepHarness.Request(force: force),
        ["health"] = new JsonObject { ["healthy"] = healthy, ["summary"] = healthy ? "ok" : "probe answered HTTP 503" },
    };

    [Theory]
    [InlineData(new[] { "Success: HTTP Status Code 200", "Failure: Connection timed out" }, true)]
    [InlineData(
        new[] { "Success: HTTP Status Code 200", "Failure: a", "Failure: b", "Failure: c", "Failure: d", "Failure: e" },
        false)]
    [InlineData(new[] { "Success: 200", "Failure: a", "Failure: b", "Failure: c", "Failure: d" }, true)]
    [InlineData(new string[0], false)]
    public void Evaluate_Route53Observations_HealthyAboveEighteenPercent(string[] statuses, bool healthy)
    {
        Assert.Equal(healthy, HealthStep.Evaluate("hc", statuses).Healthy);
    }

    [Fact]
    public async Task CheckHealth_HealthCheckAndProbe_NeedBothHealthy()
    {
        var harness = new FailoverStepHarness(("FAILOVER_PROBE_URL", "https://standby.example.com/health"));
        harness.Probe.Healthy = false;

        var health = await harness.InvokeAsync(new JsonObject { ["action"] = "checkHealth" });

        Assert.False(health["healthy"]!.GetValue<bool>());
        Assert.Equal(
            "Route 53 health check hc-standby: 2 of 2 checkers report success; probe of " +
            "https://standby.example.com/health answered HTTP 503, expected 2xx",
            health["summary"]!.GetValue<string>());
        Assert.Equal(new Uri("https://standby.example.com/health"), Assert.Single(harness.Probe.Probed));
    }

    [Fact]
    public async Task CheckHealth_UnknownHealthCheck_IsAStepErrorNamingIt()
    {
        var harness = new FailoverStepHarness(("FAILOVER_HEALTH_CHECK_ID", "hc-missing"));

        var error = await Assert.ThrowsAsync<FailoverStepException>(
            () => harness.InvokeAsync(new JsonObject { ["action"] = "checkHealth" }));

        Assert.StartsWith(
            "Route 53 GetHealthCheckStatus of health check hc-missing failed with NoSuchHealthCheck (HTTP 404)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchDns_Healthy_UpsertsTheAliasToTheStandbyLoadBalancer()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();

        var dns = await harness.InvokeAsync(SwitchPayload(state, healthy: true));

        var change = Assert.Single(harness.Route53.Changes);
        Assert.Equal("Z0HOSTEDZONE", change.HostedZoneId);
        Assert.Equal("DialControl failover run-1: eu-central-1 outage", change.ChangeBatch!.Comment);
        var upsert = Assert.Single(change.ChangeBatch.Changes);
        Assert.Equal("UPSERT", upsert.Action);
        Assert.Equal(("chat.example.com.", "A"), (upsert.ResourceRecordSet!.Name, upsert.ResourceRecordSet.Type));
        Assert.Equal((FailoverSettings.StandbyLb + ".", FailoverSettings.LbZoneId, false),
            (upsert.ResourceRecordSet.AliasTarget!.DNSName, upsert.ResourceRecordSet.AliasTarget.HostedZoneId,
                upsert.ResourceRecordSet.AliasTarget.EvaluateTargetHealth));
        Assert.Equal(
            """{"changeId":"/change/C1","status":"PENDING","previousValue":"dial-""" +
            """primary-456.eu-central-1.elb.amazonaws.com","newValue":"dial-""" +
            """standby-123.eu-west-1.elb.amazonaws.com","forced":false}""",
            dns.ToJsonString());
    }

    [Fact]
    public async Task SwitchDns_Cname_UpsertsValueAndTtl()
    {
        var harness = new FailoverStepHarness(
            ("FAILOVER_RECORD_TYPE", "CNAME"),
            ("FAILOVER_TARGET_HOSTED_ZONE_ID", null),
            ("FAILOVER_TARGET_DNS_NAME", "standby.example.net"),
            ("FAILOVER_RECORD_TTL", "30"));
        var state = await harness.PlanAsync();

        await harness.InvokeAsync(SwitchPayload(state, healthy: true));

        var record = Assert.Single(Assert.Single(harness.Route53.Changes).ChangeBatch!.Changes).ResourceRecordSet!;
        Assert.Equal(
            ("CNAME", 30L, "standby.example.net"),
            (record.Type, record.TTL, Assert.Single(record.ResourceRecords).Value));
        Assert.Null(record.AliasTarget);
    }

    [Fact]
    public async Task SwitchDns_UnhealthyWithoutForce_IsRefusedWithoutTouchingDns()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();

        var error = await Assert.ThrowsAsync<FailoverStepException>(
            () => harness.InvokeAsync(SwitchPayload(state, healthy: false)));

        Assert.Equal(
            "Refusing to switch chat.example.com to dial-standby-123.eu-west-1.elb.amazonaws.com: the standby is " +
            "not healthy (probe answered HTTP 503) and the input did not say force. DNS was not changed.",
            error.Message);
        Assert.Empty(harness.Route53.Changes);
    }

    [Fact]
    public async Task SwitchDns_UnhealthyWithForce_SwitchesAndSaysItWasForced()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();

        var dns = await harness.InvokeAsync(SwitchPayload(state, healthy: false, force: true));

        Assert.True(dns["forced"]!.GetValue<bool>());
        Assert.Single(harness.Route53.Changes);
    }

    [Fact]
    public async Task SwitchDns_PriorChangeStillApplying_IsTransient()
    {
        var harness = new FailoverStepHarness();
        var state = await harness.PlanAsync();
        harness.Route53.FailNextChange = new PriorRequestNotCompleteException(
            AwsErrors.Details("Route 53", "ChangeResourceRecordSets", "PriorRequestNotComplete", 400));

        await Assert.ThrowsAsync<FailoverTransientException>(
            () => harness.InvokeAsync(SwitchPayload(state, healthy: true)));
    }

    [Fact]
    public async Task CheckSync_AsksForTheSubmittedChange()
    {
        var harness = new FailoverStepHarness();
        harness.Route53.ChangeStatus = "INSYNC";

        var sync = await harness.InvokeAsync(new JsonObject
        {
            ["action"] = "checkSync",
            ["dns"] = new JsonObject
            {
                ["changeId"] = "/change/C9",
                ["status"] = "PENDING",
                ["newValue"] = "x",
                ["forced"] = false,
            },
        });

        Assert.Equal("INSYNC", sync["status"]!.GetValue<string>());
        Assert.Equal("/change/C9", Assert.Single(harness.Route53.ChangeStatusQueries));
    }

    [Fact]
    public async Task Invoke_UnknownAction_NamesTheKnownOnes()
    {
        var error = await Assert.ThrowsAsync<FailoverStepException>(
            () => new FailoverStepHarness().InvokeAsync(new JsonObject { ["action"] = "scale" }));

        Assert.Equal("FailoverStep got action 'scale'; expected one of plan, activate, checkCapacity, checkHealth, " +
            "switchDns, checkSync, announce, reportFailure. The state machine definition and the function are from " +
            "different releases.", error.Message);
    }
}
