using System.Text;
using System.Text.Json.Nodes;
using DialControl.Aws.Errors;
using DialControl.Aws.StepFunctions;
using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverTriggerTests
{
    private const string ExecutionName = "dial-primary-health-20250501T101500Z";

    private readonly FakeStepFunctions _stepFunctions = new();
    private readonly FakeClaims _claims = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 10, 16, 0, TimeSpan.Zero));
    private readonly RecordingLogger _logger = new();
    private readonly RecordingMetrics _metrics = new();

    private FailoverTriggerFunction Create(params (string Key, string? Value)[] settings) =>
        new(
            FailoverTriggerOptions.Load(FailoverSettings.Trigger(settings)),
            _stepFunctions,
            _claims,
            _time,
            _logger,
            _metrics);

    private async Task<JsonObject> InvokeAsync(string payload, params (string Key, string? Value)[] settings)
    {
        var bytes = await Create(settings).InvokeAsync(
            Encoding.UTF8.GetBytes(payload),
            new TestLambdaContext("FailoverTrigger"));
        return JsonNode.Parse(bytes)!.AsObject();
    }

    private void AssertNothingAsked()
    {
        Assert.Empty(_stepFunctions.Starts);
        Assert.Empty(_claims.Claims);
    }

    [Fact]
    public async Task Invoke_PrimaryAlarmInAlarm_StartsTheIncidentsExecutionInItsOwnRegion()
    {
        var output = await InvokeAsync(AlarmPayloads.EventBridge());

        var start = Assert.Single(_stepFunctions.Starts);
        Assert.Equal((FailoverSettings.StateMachineArn, ExecutionName), (start.StateMachineArn, start.Name));
        Assert.Equal(
            """{"targetRegion":"eu-west-1","reason":"alarm dial-primary-health """ +
            """entered ALARM at 2025-05-01 10:15:00Z: Threshold Crossed: 1 out of the last 1 datapoints """ +
            """[0.0] was less than the threshold (1.0).","dryRun":false,"force":false}""",
            start.Input);
        Assert.Equal((ExecutionName, _time.GetUtcNow(), TimeSpan.FromMinutes(60)), Assert.Single(_claims.Claims));
        Assert.Equal("started", output["decision"]!.GetValue<string>());
        var line = Assert.Single(_logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Equal(
            "Failover trigger: alarm dial-primary-health in ALARM since 2025-05-01 10:15:00Z; started execution " +
            ExecutionName + " of " + FailoverSettings.StateMachineArn,
            line.Message);
        Assert.Equal(ExecutionName, line.Fields["ExecutionName"]);
    }

    [Fact]
    public async Task Invoke_AlarmForwardedFromUsEast1_StartsTheSameFailoverInItsOwnRegion()
    {
        // primary-health-forwarder.template puts the us-east-1 alarm's event on this region's bus
        // unchanged: its region and alarm ARN still say us-east-1.
        var forwarded = AlarmPayloads.EventBridge().Replace("eu-west-1", "us-east-1", StringComparison.Ordinal);
        await InvokeAsync(AlarmPayloads.EventBridge());

        await InvokeAsync(forwarded);

        Assert.Contains("\"region\": \"us-east-1\"", forwarded, StringComparison.Ordinal);
        Assert.Equal(2, _stepFunctions.Starts.Count);
        Assert.Equal((FailoverSettings.StateMachineArn, ExecutionName),
            (_stepFunctions.Starts[1].StateMachineArn, _stepFunctions.Starts[1].Name));
        Assert.Equal(_stepFunctions.Starts[0].Input, _stepFunctions.Starts[1].Input);
        Assert.StartsWith("""{"targetRegion":"eu-west-1",""", _stepFunctions.Starts[1].Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_BothDeliveryShapesOfOneIncident_AskForTheSameNameAndInput()
    {
        await InvokeAsync(AlarmPayloads.EventBridge());
        await InvokeAsync(AlarmPayloads.AlarmAction());

        Assert.Equal(2, _stepFunctions.Starts.Count);
        Assert.Equal(_stepFunctions.Starts[0].Name, _stepFunctions.Starts[1].Name);
        Assert.Equal(_stepFunctions.Starts[0].Input, _stepFunctions.Starts[1].Input);
    }

    [Fact]
    public async Task Invoke_Disabled_LogsTheHandCommandAndAsksNothing()
    {
        var output = await InvokeAsync(AlarmPayloads.EventBridge(), ("AUTO_FAILOVER_ENABLED", null));

        AssertNothingAsked();
        Assert.Empty(_stepFunctions.Lists);
        Assert.Equal("skipped", output["decision"]!.GetValue<string>());
        Assert.StartsWith("disabled: automatic failover is off (AUTO_FAILOVER_ENABLED is not true); to fail over to " +
            "eu-west-1 by hand: aws stepfunctions start-execution --state-machine-arn " +
            FailoverSettings.StateMachineArn +
            " --name " + ExecutionName + " --input '{\"targetRegion\":\"eu-west-1\"",
            output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("disabled", Assert.Single(_metrics.Points).Dimensions["Decision"]);
    }

    [Theory]
    [InlineData("other-alarm", "dial-core-cpu", "ALARM")]
    [InlineData("not-alarm", "dial-primary-health", "OK")]
    [InlineData("not-alarm", "dial-primary-health", "INSUFFICIENT_DATA")]
    public async Task Invoke_NotThePrimaryAlarmEnteringAlarm_AsksNothing(string decision, string alarm, string state)
    {
        var output = await InvokeAsync(AlarmPayloads.AlarmAction(alarm, state));

        AssertNothingAsked();
        Assert.StartsWith(decision + ":", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{}}""")]
    [InlineData("""{"detail-type":"CloudWatch Alarm State Change","detail":{"alarmName":"dial-primary-health"}}""")]
    public async Task Invoke_UnusablePayload_IsALoggedSkipNotAnError(string payload)
    {
        var output = await InvokeAsync(payload);

        AssertNothingAsked();
        Assert.StartsWith("unrecognised: ignored: ", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_logger.Lines);
    }

    [Fact]
    public async Task Invoke_FailoverAlreadyRunning_StartsNoSecond()
    {
        _stepFunctions.Running.Add(new ExecutionListItem
        {
            StateMachineArn = FailoverSettings.StateMachineArn, Name = "by-hand", Status = "RUNNING",
            StartDate = new DateTimeOffset(2025, 5, 1, 10, 14, 0, TimeSpan.Zero),
        });

        var output = await InvokeAsync(AlarmPayloads.EventBridge());

        AssertNothingAsked();
        Assert.Equal("already-running: failover execution by-hand is running (started 2025-05-01 10:14:00Z); not " +
            "starting another", output["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_WithinTheMinimumInterval_StartsNothing()
    {
        _claims.Answer = new ClaimResult(ClaimOutcome.TooSoon, "dial-primary-health-20250501T093000Z",
            new DateTimeOffset(2025, 5, 1, 9, 30, 5, TimeSpan.Zero));

        var output = await InvokeAsync(AlarmPayloads.EventBridge(), ("FAILOVER_MIN_INTERVAL_MINUTES", "120"));

        Assert.Empty(_stepFunctions.Starts);
        Assert.Equal(TimeSpan.FromMinutes(120), Assert.Single(_claims.Claims).MinInterval);
        Assert.Equal(
            "min-interval: failover dial-primary-health-20250501T093000Z started at 2025-05-01 09:30:05Z, less " +
            "than 120 minutes ago (FAILOVER_MIN_INTERVAL_MINUTES); not starting another",
            output["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_SameIncidentClaimedBefore_StartsAgainWhichStepFunctionsTreatsAsTheSameExecution()
    {
        _claims.Answer = new ClaimResult(ClaimOutcome.SameIncident, ExecutionName, _time.GetUtcNow());

        await InvokeAsync(AlarmPayloads.EventBridge());

        Assert.Equal(ExecutionName, Assert.Single(_stepFunctions.Starts).Name);
    }

    [Fact]
    public async Task Invoke_IncidentExecutionAlreadyFinished_IsADuplicateSkip()
    {
        _stepFunctions.FailNextStart = new ExecutionAlreadyExistsException(
            AwsErrors.Details("SFN", "StartExecution", "ExecutionAlreadyExists", 400));

        var output = await InvokeAsync(AlarmPayloads.EventBridge());

        Assert.Equal(
            "duplicate: execution " + ExecutionName + " for this incident already exists; this is a repeated " +
            "delivery and starts nothing new",
            output["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_StartThrottled_ThrowsSoTheDeliveryIsRetried()
    {
        _stepFunctions.FailNextStart = AwsErrors.Throttled("SFN", "StartExecution");

        await Assert.ThrowsAsync<FailoverTransientException>(() => InvokeAsync(AlarmPayloads.EventBridge()));
    }

    [Fact]
    public void Load_StateMachineInAnotherRegion_IsRefused()
    {
        var error = Assert.Throws<DialControl.Functions.Hosting.ConfigurationException>(
            () => FailoverTriggerOptions.Load(
                FailoverSettings.Trigger(("FAILOVER_STATE_MACHINE_ARN",
                    "arn:aws:states:eu-central-1:123456789012:stateMachine:region-failover"))));

        Assert.Equal(
            "FAILOVER_STATE_MACHINE_ARN is in eu-central-1 but AWS_REGION is eu-west-1; expected this stack's " +
            "own state machine (a failover runs in the region it activates)",
            Assert.Single(error.Problems));
    }
}
