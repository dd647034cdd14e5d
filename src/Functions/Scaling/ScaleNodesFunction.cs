using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DialControl.Aws.CloudWatch;
using DialControl.Aws.Eks;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Scaling;

/// <summary>
/// The scale-nodes function (handler <c>ScaleNodes</c>): grows and, when enabled, shrinks EKS managed node
/// groups on CloudWatch alarms, from an EventBridge alarm state change, an alarm's Lambda action, or the
/// schedule that re-evaluates alarms still in ALARM. Bad input is a logged skip, never an exception;
/// only AWS failures after the SDK's retries throw.
/// </summary>
public sealed class ScaleNodesFunction : ILambdaFunction
{
    /// <summary>The handler name in the template and in <see cref="FunctionTable"/>.</summary>
    public const string HandlerName = "ScaleNodes";

    private readonly ScaleNodesOptions _options;
    private readonly NodeGroupScaler _scaler;
    private readonly AlarmStateReader _alarms;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMetrics _metrics;

    internal ScaleNodesFunction(
        ScaleNodesOptions options,
        IAmazonEKS eks,
        IAmazonDynamoDB dynamo,
        IAmazonCloudWatch cloudWatch,
        TimeProvider time,
        ILoggerFactory loggers,
        IMetrics metrics)
    {
        _options = options;
        _scaler = new NodeGroupScaler(options, eks, new ScaleClaimStore(dynamo, options.StateTable), time);
        _alarms = new AlarmStateReader(cloudWatch);
        _time = time;
        _logger = loggers.CreateLogger("DialControl.ScaleNodes");
        _metrics = metrics;
    }

    /// <summary>Builds the function at cold start; a bad setting throws <see cref="ConfigurationException"/>.</summary>
    public static ScaleNodesFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = ScaleNodesOptions.Load(environment.Settings);
        var eks = environment.Aws.Create<IAmazonEKS>(AmazonEKSClient.Service, options.Region,
            (credentials, config) => credentials is null
                ? new AmazonEKSClient(config)
                : new AmazonEKSClient(credentials, config));
        var cloudWatch = environment.Aws.Create<IAmazonCloudWatch>(AmazonCloudWatchClient.Service, options.Region,
            (credentials, config) => credentials is null
                ? new AmazonCloudWatchClient(config)
                : new AmazonCloudWatchClient(credentials, config));
        var dynamo = environment.Aws.CreateDynamoDb(options.Region);
        return new ScaleNodesFunction(options, eks, dynamo, cloudWatch, environment.Time, environment.Loggers,
            environment.Metrics);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var outcomes = new List<ScaleOutcome>();
        switch (ScaleEventParser.Parse(payload))
        {
            case AlarmTrigger alarm:
                Record(outcomes, await OnAlarmAsync(alarm.Change, outcomes, cancellationToken));
                break;
            case ScheduleTrigger schedule:
                await OnScheduleAsync(schedule, outcomes, cancellationToken);
                break;
            case RejectedTrigger rejected:
                Record(outcomes, Rejected(rejected));
                break;
        }

        return JsonSerializer.SerializeToUtf8Bytes(new ScaleNodesResponse(outcomes),
            ScalingJsonContext.Default.ScaleNodesResponse);
    }

    private async Task<ScaleOutcome> OnAlarmAsync(AlarmStateChange change, List<ScaleOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var policy = _options.FindPolicy(change.AlarmName);
        if (policy is null)
        {
            return Unmatched(change).Skipped("unknown-alarm", $"alarm {change.AlarmName} is not in " +
                $"{ScalePolicyParser.Setting} (configured: {ConfiguredAlarms()}); nothing changed", LogLevel.Warning);
        }

        var age = _time.GetUtcNow() - change.StateTime;
        if (change.State == AlarmStates.Alarm && age > _options.MaxEventAge)
        {
            var stale = Unmatched(change) with { Nodegroup = policy.NodeGroup };
            return stale.Skipped("stale-event", $"alarm {change.AlarmName} entered ALARM at " +
                $"{AlarmTimestamp.Short(change.StateTime)}, {age.TotalSeconds:0} s ago, more than " +
                $"{ScaleNodesOptions.MaxEventAgeSetting} ({_options.MaxEventAge.TotalSeconds:0} s); the schedule " +
                "acts on alarms still in ALARM; nothing changed", LogLevel.Warning);
        }

        var evaluation = new AlarmEvaluation(change.Trigger, change.EventKey, change.AlarmName, change.AlarmType,
            change.State, change.ReasonData, policy);
        return await EvaluateAsync(evaluation, outcomes, cancellationToken);
    }

    /// <summary>
    /// Re-evaluates the configured alarms still in ALARM, scale-out policies first so that a node group
    /// with both a high and a low alarm firing grows rather than shrinks; the lock and the cooldown then
    /// keep the second one from acting in the same run.
    /// </summary>
    private async Task OnScheduleAsync(ScheduleTrigger schedule, List<ScaleOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var inAlarm = await ReadAlarmsAsync(schedule, outcomes, cancellationToken);
        var due = _options.Policies.Where(p => inAlarm.ContainsKey(p.Alarm)).OrderBy(p => p.Direction).ToList();
        if (due.Count == 0)
        {
            Record(outcomes, Scheduled(schedule).Skipped("nothing-in-alarm", $"none of the " +
                $"{_options.Policies.Count} configured alarms is in ALARM; nothing changed"));
            return;
        }

        foreach (var policy in due)
        {
            var alarm = inAlarm[policy.Alarm];
            var evaluation = new AlarmEvaluation("schedule", $"schedule|{schedule.EventId}|{policy.Alarm}",
                policy.Alarm, alarm.Type, AlarmStates.Alarm, alarm.ReasonData, policy);
            Record(outcomes, await EvaluateAsync(evaluation, outcomes, cancellationToken));
        }
    }

    private async Task<IReadOnlyDictionary<string, AlarmSnapshot>> ReadAlarmsAsync(ScheduleTrigger schedule,
        List<ScaleOutcome> outcomes, CancellationToken cancellationToken)
    {
        var names = _options.Policies.Select(p => p.Alarm).ToList();
        try
        {
            return await _alarms.ReadInAlarmAsync(names, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            var failure = new ScaleNodesException($"CloudWatch DescribeAlarms of the {names.Count} configured " +
                $"alarms (scheduled event {schedule.EventId}) failed with {ex.ErrorCode ?? "no error code"} " +
                $"(HTTP {(int)ex.StatusCode}) after the SDK's retries; no node group was changed", ex);
            Record(outcomes, Scheduled(schedule) with
            {
                Decision = "error",
                ReasonCode = "aws-error",
                Reason = failure.Message,
                Level = LogLevel.Error,
            });
            throw failure;
        }
    }

    /// <summary>Runs one evaluation; an AWS failure is logged as an error decision, then thrown.</summary>
    private async Task<ScaleOutcome> EvaluateAsync(AlarmEvaluation evaluation, List<ScaleOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _scaler.ScaleAsync(evaluation, cancellationToken);
        }
        catch (ScaleNodesException ex)
        {
            Record(outcomes, Failed(evaluation, ex.Message));
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or
            AmazonClientException)
        {
            // No AWS answer at all (DNS, connection, timeout): still one error line, and a typed error.
            var failure = new ScaleNodesException($"an AWS call for node group {evaluation.Policy.NodeGroup} of " +
                $"cluster {_options.Cluster} (alarm {evaluation.AlarmName}, event {evaluation.EventKey}) got no " +
                $"answer ({ex.GetType().Name}: {ex.Message}) after the SDK's retries; a redelivery of the event is " +
                "safe (same claim, same clientRequestToken)", ex);
            Record(outcomes, Failed(evaluation, failure.Message));
            throw failure;
        }
    }

    private ScaleOutcome Failed(AlarmEvaluation evaluation, string reason) => new()
    {
        Trigger = evaluation.Trigger,
        EventKey = evaluation.EventKey,
        Alarm = evaluation.AlarmName,
        AlarmState = evaluation.AlarmState,
        AlarmType = evaluation.AlarmType,
        Cluster = _options.Cluster,
        Nodegroup = evaluation.Policy.NodeGroup,
        Decision = "error",
        ReasonCode = "aws-error",
        Reason = reason,
        DryRun = _options.DryRun,
        Level = LogLevel.Error,
    };

    private void Record(List<ScaleOutcome> outcomes, ScaleOutcome outcome)
    {
        outcomes.Add(outcome);
        ScaleDecisionLog.Write(_logger, _metrics, outcome);
    }

    private ScaleOutcome Unmatched(AlarmStateChange change) => new()
    {
        Trigger = change.Trigger,
        EventKey = change.EventKey,
        Alarm = change.AlarmName,
        AlarmState = change.State,
        AlarmType = change.AlarmType,
        Cluster = _options.Cluster,
        Decision = "skip",
        ReasonCode = "undecided",
        Reason = "undecided",
        DryRun = _options.DryRun,
    };

    private ScaleOutcome Scheduled(ScheduleTrigger schedule) => new()
    {
        Trigger = "schedule",
        EventKey = $"schedule|{schedule.EventId}",
        Cluster = _options.Cluster,
        Decision = "skip",
        ReasonCode = "undecided",
        Reason = "undecided",
        DryRun = _options.DryRun,
    };

    private ScaleOutcome Rejected(RejectedTrigger rejected) => new()
    {
        Trigger = rejected.Trigger,
        Alarm = rejected.AlarmName,
        Cluster = _options.Cluster,
        Decision = "skip",
        ReasonCode = rejected.ReasonCode,
        Reason = rejected.Reason,
        DryRun = _options.DryRun,
        Level = LogLevel.Warning,
    };

    private string ConfiguredAlarms()
    {
        const int Shown = 10;
        var names = string.Join(", ", _options.Policies.Take(Shown).Select(p => p.Alarm));
        var more = _options.Policies.Count - Shown;
        return more > 0 ? $"{names} and {more} more" : names;
    }
}
