using System.Globalization;
using System.Text.Json;
using DialControl.Aws.Errors;
using DialControl.Aws.StepFunctions;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Failover;

/// <summary>
/// FailoverTrigger: reacts to the primary-health alarm entering ALARM (EventBridge event or alarm
/// action) by starting the region-failover state machine of its own region. Off unless
/// AUTO_FAILOVER_ENABLED=true; never while a failover runs; at most one per minimum interval; one
/// execution name per incident, so a repeated delivery starts nothing new.
/// </summary>
public sealed class FailoverTriggerFunction : ILambdaFunction
{
    private readonly FailoverTriggerOptions _options;
    private readonly IAmazonStepFunctions _stepFunctions;
    private readonly ITriggerClaims _claims;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMetrics _metrics;

    internal FailoverTriggerFunction(FailoverTriggerOptions options, IAmazonStepFunctions stepFunctions,
        ITriggerClaims claims, TimeProvider time, ILogger logger, IMetrics metrics)
    {
        _options = options;
        _stepFunctions = stepFunctions;
        _claims = claims;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Builds the function at cold start; throws ConfigurationException on bad settings.</summary>
    public static FailoverTriggerFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = FailoverTriggerOptions.Load(environment.Settings);
        var stepFunctions = environment.Aws.Create(AmazonStepFunctionsClient.Service, options.Region,
            (c, k) => c is null ? new AmazonStepFunctionsClient(k) : new AmazonStepFunctionsClient(c, k));
        var claims = new DynamoDbTriggerClaims(environment.Aws.CreateDynamoDb(options.Region), options.StateTable);
        return new FailoverTriggerFunction(options, stepFunctions, claims, environment.Time,
            environment.Loggers.CreateLogger("FailoverTrigger"), environment.Metrics);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var alarm = AlarmStateChangeParser.TryParse(payload, out var why);
        var output = alarm is null
            ? Skip("unrecognised", "(none)", $"ignored: {why}")
            : await DecideAsync(alarm, context.CancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(output, FailoverJsonContext.Default.TriggerOutput);
    }

    private async Task<TriggerOutput> DecideAsync(AlarmStateChange alarm, CancellationToken token)
    {
        if (!string.Equals(alarm.AlarmName, _options.AlarmName, StringComparison.Ordinal))
        {
            return Skip("other-alarm", alarm.AlarmName, $"not the primary-health alarm {_options.AlarmName}; ignored");
        }

        if (alarm.State != "ALARM")
        {
            return Skip("not-alarm", alarm.AlarmName, $"the alarm entered {alarm.State}, not ALARM; nothing to do");
        }

        var name = ExecutionNames.ForIncident(alarm.AlarmName, alarm.StateTime);
        if (!_options.Enabled)
        {
            return Skip("disabled", alarm.AlarmName, "automatic failover is off (AUTO_FAILOVER_ENABLED is not true); " +
                $"to fail over to {_options.Region} by hand: aws stepfunctions start-execution --state-machine-arn " +
                $"{_options.StateMachineArn} --name {name} --input '{Input(alarm)}'", name);
        }

        if (await RunningAsync(token) is { } running)
        {
            return Skip("already-running", alarm.AlarmName,
                $"failover execution {running.Name} is running (started {running.StartDate:u}); not starting another",
                name);
        }

        var claim = await AwsCalls.RunAsync($"DynamoDB PutItem of the failover trigger record in {_options.StateTable}",
            () => _claims.TryClaimAsync(name, _time.GetUtcNow(), _options.MinInterval, token), token);
        if (claim.Outcome == ClaimOutcome.TooSoon)
        {
            return Skip("min-interval", alarm.AlarmName, $"failover {claim.LastExecutionName} started at " +
                $"{claim.LastStartedAt:u}, less than {_options.MinInterval.TotalMinutes:0} minutes ago " +
                "(FAILOVER_MIN_INTERVAL_MINUTES); not starting another", name);
        }

        return await StartAsync(alarm, name, token);
    }

    private async Task<TriggerOutput> StartAsync(AlarmStateChange alarm, string name, CancellationToken token)
    {
        try
        {
            var started = await AwsCalls.RunAsync($"Step Functions StartExecution {name} of {_options.StateMachineArn}",
                () => _stepFunctions.StartExecutionAsync(new()
                {
                    StateMachineArn = _options.StateMachineArn, Name = name, Input = Input(alarm),
                }, token), token);
            var stateTime = alarm.StateTime.ToString("u", CultureInfo.InvariantCulture);
            FailoverLog.TriggerStarted(_logger, alarm.AlarmName, stateTime, name, _options.StateMachineArn);
            Emit("started");
            return new TriggerOutput
            {
                Decision = "started", Reason = $"alarm {alarm.AlarmName} in ALARM since {stateTime}",
                ExecutionName = name, ExecutionArn = started.ExecutionArn,
            };
        }
        catch (FailoverStepException e) when (e.InnerException is ExecutionAlreadyExistsException)
        {
            return Skip("duplicate", alarm.AlarmName, $"execution {name} for this incident already exists; " +
                "this is a repeated delivery and starts nothing new", name);
        }
    }

    private async Task<ExecutionListItem?> RunningAsync(CancellationToken token)
    {
        var response = await AwsCalls.RunAsync($"Step Functions ListExecutions (RUNNING) of {_options.StateMachineArn}",
            () => _stepFunctions.ListExecutionsAsync(new()
            {
                StateMachineArn = _options.StateMachineArn, StatusFilter = ExecutionStatus.Running, MaxResults = 1,
            }, token), token);
        return response.Executions.Count > 0 ? response.Executions[0] : null;
    }

    /// <summary>
    /// The execution input, a function of the incident only: Step Functions treats a repeated start
    /// with the same name and the same input as the same execution.
    /// </summary>
    private string Input(AlarmStateChange alarm)
    {
        var reason = $"alarm {alarm.AlarmName} entered ALARM at {alarm.StateTime:u}: {alarm.Reason}";
        var request = new FailoverRequest(_options.Region,
            reason.Length <= FailoverRequestParser.MaxReasonLength
                ? reason
                : reason[..FailoverRequestParser.MaxReasonLength],
            DryRun: false, Force: false);
        return JsonSerializer.Serialize(request, FailoverJsonContext.Default.FailoverRequest);
    }

    private TriggerOutput Skip(string decision, string alarm, string reason, string? name = null)
    {
        FailoverLog.TriggerSkipped(_logger, decision, alarm, reason);
        Emit(decision);
        return new TriggerOutput { Decision = "skipped", Reason = $"{decision}: {reason}", ExecutionName = name };
    }

    private void Emit(string decision) => _metrics.Emit(new MetricPoint("FailoverTrigger", 1, "Count",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Region"] = _options.Region,
            ["Decision"] = decision,
        }));
}
