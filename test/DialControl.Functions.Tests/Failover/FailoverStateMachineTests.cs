using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Failover.Support;
using DialControl.Functions.Tests.Support;
using DialControl.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

/// <summary>
/// The real definition under aws-local-stepfunctions, its Task states calling FailoverStep through the
/// local Lambda Invoke API, FailoverStep calling moto_server. moto's GetHealthCheckStatus always
/// reports success, so the standby's health is decided by the HTTP probe of a 127.0.0.1 endpoint these
/// tests control.
/// </summary>
[Collection(FailoverMotoGroup.Name)]
public sealed class FailoverStateMachineTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly FailoverEstate _estate;
    private readonly CaptureServer _standby = new();
    private CapturedEnvironment? _host;

    public FailoverStateMachineTests(MotoServer moto)
    {
        _moto = moto;
        _estate = FailoverEstate.Acquire(moto);
    }

    public void Dispose() => _standby.Dispose();

    private static JsonObject Input(
        bool dryRun = false,
        bool force = false,
        string region = FailoverEstate.Standby) => new()
    {
        ["targetRegion"] = region,
        ["reason"] = "eu-central-1 outage",
        ["dryRun"] = dryRun,
        ["force"] = force,
    };

    private async Task<ExecutionOutcome> RunAsync(JsonNode input, int probeStatus = 200, string name = "drill-1")
    {
        _standby.Answer(new CannedResponse(probeStatus, probeStatus == 200 ? "ok" : "down"));
        var settings = _estate.StepSettings($"{_standby.Url}/health");
        _host = new CapturedEnvironment(settings, LogLevel.Information, "FailoverStep", TimeProvider.System);
        var environment = new FunctionEnvironment(
            settings,
            TimeProvider.System,
            _host.Loggers,
            _host.Environment.Metrics,
            new AwsClientFactory(settings, TestCredentials.Basic));
        await using var server = new LocalInvokeServer(
            environment,
            new LocalInvokeOptions { Timeout = TimeSpan.FromSeconds(60) });
        server.Start();
        return LocalStateMachine.Run(server.Url, input, name, FailoverEstate.Standby);
    }

    /// <summary>The primary's CapacityRecorder writes its sizes into the standby's table, as on its schedule.</summary>
    private async Task RecordPrimaryCapacityAsync()
    {
        var settings = FailoverSettings.Recorder(
            ("AWS_ENDPOINT_URL", _moto.Url),
            ("PEER_STATE_TABLE", FailoverEstate.Table));
        var host = new CapturedEnvironment(settings, LogLevel.Information, "CapacityRecorder", TimeProvider.System);
        var recorder = CapacityRecorderFunction.Create(new FunctionEnvironment(
            settings,
            TimeProvider.System,
            host.Loggers,
            host.Environment.Metrics,
            new AwsClientFactory(settings, TestCredentials.Basic)));
        await recorder.InvokeAsync(Encoding.UTF8.GetBytes("{}"), new TestLambdaContext("CapacityRecorder"));
    }

    private static void AssertNothingChanged(EstateView seen)
    {
        Assert.Equal(FailoverSettings.PrimaryLb + ".", seen.RecordTarget);
        Assert.Equal((0, 2), seen.Core);
        Assert.Equal((1, 4), seen.Gpu);
        Assert.Empty(seen.Events);
    }

    [Fact]
    public async Task Execution_HappyPath_ScalesTheStandbySwitchesDnsAndAnnounces()
    {
        await RecordPrimaryCapacityAsync();

        var outcome = await RunAsync(Input());

        Assert.True(outcome.Status == "SUCCEEDED", $"{outcome.Error}: {outcome.Cause}");
        Assert.Equal(["Plan", "Decide", "ActivateStandby", "StartCapacityChecks", "WaitForCapacity", "CheckCapacity",
            "CountCapacityCheck", "IsCapacityReady", "StartHealthChecks", "CheckHealth", "CountHealthCheck",
            "IsStandbyHealthy", "SwitchDns", "StartSyncChecks", "WaitForSync", "CheckSync", "CountSyncCheck",
            "IsInSync",
            "Announce", "FailoverComplete"], outcome.States);
        var seen = _estate.Observe();
        Assert.Equal((5, 5), seen.Core);
        Assert.Equal((2, 4), seen.Gpu);
        Assert.Equal(
            (FailoverSettings.StandbyLb + ".", FailoverSettings.LbZoneId),
            (seen.RecordTarget, seen.RecordTargetZone));
        Assert.Equal("INSYNC", outcome.Output!["sync"]!["status"]!.GetValue<string>());
        var sent = Assert.Single(seen.Events);
        Assert.Equal(("dialcontrol", "DialControl Failover Completed"),
            (sent["source"]!.GetValue<string>(), sent["detail-type"]!.GetValue<string>()));
        Assert.Equal(FailoverSettings.StandbyLb, sent["detail"]!["newValue"]!.GetValue<string>());
        var message = Assert.Single(seen.Messages);
        Assert.Equal("DialControl: failover to eu-west-1 completed", message["Subject"]!.GetValue<string>());
        Assert.StartsWith(
            "Failover to eu-west-1 completed. Reason: eu-central-1 outage. Node groups: raised core desired " +
            "0->5, max 2->5; gpu desired 1->2.",
            message["Message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_RunAgainAfterSuccess_IsAlreadyActiveAndChangesNothing()
    {
        var first = await RunAsync(Input(), name: "drill-1");
        Assert.Equal("SUCCEEDED", first.Status);
        var before = _estate.Observe();

        var again = await RunAsync(Input(), name: "drill-2");

        Assert.Equal("SUCCEEDED", again.Status);
        Assert.Equal(["Plan", "Decide", "AlreadyActive"], again.States);
        Assert.Equal("AlreadyActive", again.Output!["decision"]!.GetValue<string>());
        var after = _estate.Observe();
        Assert.Equal((before.RecordTarget, before.Core, before.Gpu), (after.RecordTarget, after.Core, after.Gpu));
        Assert.Equal((3, 3), after.Core);
        Assert.Empty(after.Events);
        Assert.Empty(after.Messages);
    }

    [Fact]
    public async Task Execution_RecordAlreadyAtStandby_SucceedsAsAlreadyActiveWithNothingChanged()
    {
        _estate.PointRecordAt(FailoverSettings.StandbyLb);

        var outcome = await RunAsync(Input());

        Assert.Equal("SUCCEEDED", outcome.Status);
        Assert.Equal(["Plan", "Decide", "AlreadyActive"], outcome.States);
        var seen = _estate.Observe();
        Assert.Equal(((0, 2), (1, 4)), (seen.Core, seen.Gpu));
        Assert.Empty(seen.Events);
        Assert.Empty(seen.Messages);
    }

    [Fact]
    public async Task Execution_DryRun_ReturnsThePlanWithNothingChanged()
    {
        var outcome = await RunAsync(Input(dryRun: true));

        Assert.Equal("SUCCEEDED", outcome.Status);
        Assert.Equal(["Plan", "Decide", "DryRunComplete"], outcome.States);
        Assert.Equal("DryRun", outcome.Output!["decision"]!.GetValue<string>());
        Assert.Equal(
            [3, 2],
            outcome.Output["plan"]!["nodegroups"]!.AsArray().Select(g => g!["targetSize"]!.GetValue<int>()));
        AssertNothingChanged(_estate.Observe());
        Assert.Empty(_standby.Requests);
    }

    [Fact]
    public async Task Execution_UnhealthyStandbyWithoutForce_FailsWithACauseAndLeavesDnsAlone()
    {
        var outcome = await RunAsync(Input(), probeStatus: 503);

        Assert.Equal("FAILED", outcome.Status);
        Assert.Equal("FailoverStandbyUnhealthy", outcome.Error);
        Assert.DoesNotContain("SwitchDns", outcome.States);
        Assert.Equal(["CheckHealth", "CheckHealth"], outcome.States.Where(s => s == "CheckHealth"));
        var seen = _estate.Observe();
        Assert.Equal(FailoverSettings.PrimaryLb + ".", seen.RecordTarget);
        Assert.Equal((3, 3), seen.Core);
        Assert.Equal(2, _standby.Requests.Count);
        var url = $"{_standby.Url}/health";
        Assert.Equal(
            "Failover to eu-west-1 failed while it tried to confirm the standby is healthy: " +
            "The standby stayed unhealthy " +
            $"for 2 checks, 15 seconds apart: Route 53 health check {_estate.HealthCheckId}: 1 of 1 checkers report " +
            $"success; probe of {url} answered HTTP 503, expected 2xx. " +
            "Changed: node groups raised core desired 0->3, " +
            "max 2->3; gpu desired 1->2. Not changed: DNS: chat.example.com A still points at " +
            "dial-primary-456.eu-central-1.elb.amazonaws.com. Next: check the standby endpoint; if it must take the " +
            "traffic anyway, start again with \"force\": true.",
            outcome.Cause);
        Assert.Equal("DialControl Failover Failed", Assert.Single(seen.Events)["detail-type"]!.GetValue<string>());
        Assert.Equal("DialControl: failover to eu-west-1 FAILED (FailoverStandbyUnhealthy)",
            Assert.Single(seen.Messages)["Subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execution_UnhealthyStandbyForced_SwitchesDnsAndSaysSo()
    {
        var outcome = await RunAsync(Input(force: true), probeStatus: 503);

        Assert.Equal("SUCCEEDED", outcome.Status);
        Assert.Contains("SwitchDns", outcome.States);
        var seen = _estate.Observe();
        Assert.Equal(FailoverSettings.StandbyLb + ".", seen.RecordTarget);
        Assert.True(outcome.Output!["dns"]!["forced"]!.GetValue<bool>());
        Assert.True(Assert.Single(seen.Events)["detail"]!["forced"]!.GetValue<bool>());
        Assert.Contains(" FORCED although the standby was unhealthy",
            Assert.Single(seen.Messages)["Message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_InvalidInput_FailsAtTheFirstStateNamingTheFields()
    {
        var outcome = await RunAsync(new JsonObject { ["targetRegion"] = "eu-central-1", ["dryrun"] = true });

        Assert.Equal("FAILED", outcome.Status);
        Assert.Equal("FailoverInputException", outcome.Error);
        Assert.Equal(["Plan", "PlanFailed", "ReportFailure", "FailoverFailed"], outcome.States);
        Assert.Equal(
            "Failover to this region failed while it tried to plan: The failover input is invalid, so nothing was " +
            "changed: field 'dryrun' is not known; expected only targetRegion, reason, dryRun, force; field " +
            "'targetRegion' is 'eu-central-1' but this stack runs in eu-west-1; a failover runs in the region it " +
            "activates, so start it with the state machine of the eu-central-1 stack; field 'reason' is required; " +
            "expected a short text saying why, such as \"eu-west-1 outage\". Changed: nothing. Not changed: node " +
            "groups; DNS. Next: fix the input and start the execution again.",
            outcome.Cause);
        var seen = _estate.Observe();
        Assert.Equal(FailoverSettings.PrimaryLb + ".", seen.RecordTarget);
        Assert.Equal(((0, 2), (1, 4)), (seen.Core, seen.Gpu));
        Assert.Single(seen.Events);
    }

    [Fact]
    public async Task Execution_AnotherFailoverRunning_IsRefusedBeforeAnyChange()
    {
        var other = _estate.StartOtherExecution("by-hand");

        ExecutionOutcome outcome;
        try
        {
            outcome = await RunAsync(Input());
        }
        finally
        {
            _estate.Call("stepfunctions", "stop_execution", new { executionArn = other });
        }

        Assert.Equal("FAILED", outcome.Status);
        Assert.Equal("FailoverRefusedException", outcome.Error);
        Assert.Contains("Another failover, execution by-hand", outcome.Cause, StringComparison.Ordinal);
        var seen = _estate.Observe();
        Assert.Equal(FailoverSettings.PrimaryLb + ".", seen.RecordTarget);
        Assert.Equal(((0, 2), (1, 4)), (seen.Core, seen.Gpu));
    }

    [Fact]
    public async Task Execution_DecisionsAreLoggedAsJsonLinesWithFixedFields()
    {
        await RunAsync(Input(dryRun: true));

        var lines = _host!.Json.Where(line => (string?)line["Action"] == "plan").ToList();
        var plan = Assert.Single(lines, line => line["message"] is not null);
        var metric = Assert.Single(lines, line => line["_aws"] is not null);
        Assert.Equal(
            ("INFO", "DryRun", "drill-1"),
            ((string?)plan["level"], (string?)plan["Outcome"], (string?)plan["Execution"]));
        Assert.Equal(("DialControl", 1, "DryRun"), ((string?)metric["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"],
            (int)metric["FailoverStep"]!, (string?)metric["Outcome"]));
    }
}
