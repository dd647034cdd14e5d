using System.Text.Json;
using DialControl.Aws.CloudWatch;
using DialControl.Aws.EventBridge;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Sns;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Quotas;

/// <summary>
/// The BedrockQuota function: on the schedule and on AWS/Bedrock alarm state changes, measures each
/// configured model's utilisation of its TPM and RPM quotas, keeps its level (OK, WARNING, EXHAUSTED),
/// announces level changes once, and on EXHAUSTED climbs the deployment guide's quota ladder.
/// Behaviour and settings: docs/bedrock-quota.md.
/// </summary>
public sealed class BedrockQuotaFunction : ILambdaFunction
{
    /// <summary>The handler name in <see cref="FunctionTable"/> and the template.</summary>
    public const string HandlerName = "BedrockQuota";

    private readonly BedrockQuotaOptions _options;
    private readonly QuotaEvaluator _evaluator;
    private readonly ILogger _logger;

    internal BedrockQuotaFunction(BedrockQuotaOptions options, QuotaServices services, TimeProvider time,
        ILoggerFactory loggers, IMetrics metrics)
    {
        _options = options;
        _logger = loggers.CreateLogger(HandlerName);
        _evaluator = new QuotaEvaluator(options, services, time, metrics, _logger);
    }

    /// <summary>
    /// Builds the function at cold start: validates every setting (throwing
    /// <see cref="ConfigurationException"/> naming all problems) and creates the AWS clients.
    /// </summary>
    public static BedrockQuotaFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = BedrockQuotaOptionsReader.Read(environment.Get);
        var aws = environment.Aws;
        var services = new QuotaServices(
            PerRegion(region => aws.Create<IAmazonServiceQuotas>(AmazonServiceQuotasClient.Service, region,
                (c, config) => c is null
                    ? new AmazonServiceQuotasClient(config)
                    : new AmazonServiceQuotasClient(c, config))),
            PerRegion(region => aws.Create<IAmazonCloudWatch>(AmazonCloudWatchClient.Service, region,
                (c, config) => c is null ? new AmazonCloudWatchClient(config) : new AmazonCloudWatchClient(c, config))),
            aws.Create<IAmazonEventBridge>(AmazonEventBridgeClient.Service, BusRegion(options),
                (c, config) => c is null
                    ? new AmazonEventBridgeClient(config)
                    : new AmazonEventBridgeClient(c, config)),
            options.SnsTopicArn is null ? null : aws.Create<IAmazonSimpleNotificationService>(
                AmazonSimpleNotificationServiceClient.Service, ArnRegion(options.SnsTopicArn, options.HomeRegion),
                (c, config) => c is null
                    ? new AmazonSimpleNotificationServiceClient(config)
                    : new AmazonSimpleNotificationServiceClient(c, config)),
            new DynamoDbQuotaLevelStore(aws.CreateDynamoDb(options.HomeRegion), options.StateTable));
        return new BedrockQuotaFunction(options, services, environment.Time, environment.Loggers, environment.Metrics);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trigger = QuotaTriggerParser.Parse(payload, out var skipReason);
        if (trigger is null)
        {
            QuotaLog.EventSkipped(_logger, skipReason);
            return Respond(new QuotaRunResponse { Status = "skipped", Trigger = "unknown", DryRun = _options.DryRun,
                Reason = skipReason });
        }

        var notEvaluated = new List<string>();
        var targets = QuotaPlanner.Plan(trigger, _options.Models, notEvaluated);
        notEvaluated.ForEach(reason => QuotaLog.EventSkipped(_logger, reason));
        var outcomes = await _evaluator.EvaluateAsync(targets, context.CancellationToken);
        var announced = outcomes.Count(o => o.Announced);
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        QuotaLog.RunFinished(_logger, trigger.Kind, outcomes.Count, announced, failed.Count, _options.DryRun);
        if (failed.Any(o => o.Retryable))
        {
            throw new QuotaRunException(failed.Where(o => o.Retryable).Select(o => $"{o.Target}: {o.Error}").ToList());
        }

        return Respond(new QuotaRunResponse
        {
            Status = targets.Count == 0 ? "skipped" : "evaluated",
            Trigger = trigger.Kind,
            DryRun = _options.DryRun,
            Reason = targets.Count == 0 ? string.Join("; ", notEvaluated) : null,
            Results = [.. outcomes.Select(Result)],
            NotEvaluated = notEvaluated,
        });
    }

    private static QuotaTargetResult Result(TargetOutcome outcome) => new()
    {
        ModelId = outcome.Target.ModelId,
        Region = outcome.Target.Region,
        Level = outcome.Assessment?.Level.ToWire(),
        PreviousLevel = outcome.Previous?.ToWire(),
        Announced = outcome.Announced,
        UtilisationPercent = QuotaDetailBuilder.Round(outcome.Assessment?.Binding.UtilisationPercent),
        QuotaCode = outcome.Assessment?.Binding.Quota.Code,
        Actions = outcome.Escalation.Actions,
        Recommendations = outcome.Escalation.Recommendations,
        Error = outcome.Error,
    };

    private static byte[] Respond(QuotaRunResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, QuotaJsonContext.Default.QuotaRunResponse);

    private static Func<string, T> PerRegion<T>(Func<string, T> create)
    {
        var clients = new Dictionary<string, T>(StringComparer.Ordinal);
        return region => clients.TryGetValue(region, out var client) ? client : clients[region] = create(region);
    }

    private static string BusRegion(BedrockQuotaOptions options) =>
        options.EventBusName.StartsWith("arn:", StringComparison.Ordinal)
            ? ArnRegion(options.EventBusName, options.HomeRegion)
            : options.HomeRegion;

    /// <summary>The region field of an ARN (arn:partition:service:region:...).</summary>
    private static string ArnRegion(string arn, string fallback)
    {
        var parts = arn.Split(':');
        return parts.Length > 3 && parts[3].Length > 0 ? parts[3] : fallback;
    }
}
