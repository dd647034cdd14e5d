using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DialControl.Aws.Eks;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Route53;
using DialControl.Aws.Sns;
using DialControl.Aws.StepFunctions;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Failover;

/// <summary>
/// FailoverStep: every Task state of the region-failover state machine, chosen by the input's
/// <c>action</c>. One function (rather than one per step) keeps the template to one role, one log
/// group and one ARN substitution; the steps share all their settings. Its errors are typed: the
/// state machine retries <see cref="FailoverTransientException"/> and sends the rest to its failure path.
/// </summary>
public sealed class FailoverStepFunction : ILambdaFunction
{
    private readonly FailoverOptions _options;
    private readonly FailoverServices _services;
    private readonly ILogger _logger;
    private readonly IMetrics _metrics;

    internal FailoverStepFunction(FailoverOptions options, FailoverServices services, ILogger logger, IMetrics metrics)
    {
        _options = options;
        _services = services;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The actions the state machine invokes, in workflow order.</summary>
    public static IReadOnlyList<string> Actions { get; } =
        ["plan", "activate", "checkCapacity", "checkHealth", "switchDns", "checkSync", "announce", "reportFailure"];

    /// <summary>Builds the function at cold start; throws ConfigurationException on bad settings.</summary>
    public static FailoverStepFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = FailoverOptions.Load(environment.Settings);
        var aws = environment.Aws;
        var region = options.Region;
        var services = new FailoverServices(
            aws.Create(AmazonEKSClient.Service, region,
                (c, k) => c is null ? new AmazonEKSClient(k) : new AmazonEKSClient(c, k)),
            aws.Create(AmazonRoute53Client.Service, region,
                (c, k) => c is null ? new AmazonRoute53Client(k) : new AmazonRoute53Client(c, k)),
            aws.Create(AmazonStepFunctionsClient.Service, region,
                (c, k) => c is null ? new AmazonStepFunctionsClient(k) : new AmazonStepFunctionsClient(c, k)),
            aws.Create(AmazonEventBridgeClient.Service, region,
                (c, k) => c is null ? new AmazonEventBridgeClient(k) : new AmazonEventBridgeClient(c, k)),
            aws.Create(AmazonSimpleNotificationServiceClient.Service, region,
                (c, k) => c is null
                    ? new AmazonSimpleNotificationServiceClient(k)
                    : new AmazonSimpleNotificationServiceClient(c, k)),
            new DynamoDbCapacitySnapshots(aws.CreateDynamoDb(region), options.StateTable, environment.Time),
            new HttpHealthProbe(new HttpClient()));
        return new FailoverStepFunction(
            options,
            services,
            environment.Loggers.CreateLogger("FailoverStep"),
            environment.Metrics);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = Read(payload);
        var action = input.Action ?? "(none)";
        var execution = DnsSteps.ExecutionName(
            input.Execution?.Id ?? input.Plan?.Execution.Id ?? input.State?.Plan?.Execution.Id);
        try
        {
            var result = await RunAsync(action, input, context.CancellationToken);
            FailoverLog.StepDone(_logger, action, execution, result.Outcome, result.Summary);
            Emit(action, result.Outcome);
            return result.Json;
        }
        catch (FailoverTransientException e)
        {
            FailoverLog.StepRetrying(_logger, action, execution, e.Message);
            Emit(action, "transient");
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FailoverLog.StepFailed(_logger, action, execution, e.GetType().Name, e.Message);
            Emit(action, "failed");
            throw;
        }
    }

    private Task<StepResult> RunAsync(string action, StepInput input, CancellationToken token) => action switch
    {
        "plan" => PlanAsync(input, token),
        "activate" => ActivateAsync(input, token),
        "checkCapacity" => CheckCapacityAsync(input, token),
        "checkHealth" => CheckHealthAsync(token),
        "switchDns" => SwitchDnsAsync(input, token),
        "checkSync" => CheckSyncAsync(input, token),
        "announce" => AnnounceAsync(input, token),
        "reportFailure" => ReportFailureAsync(input, token),
        _ => throw new FailoverStepException($"FailoverStep got action '{action}'; expected one of " +
            $"{string.Join(", ", Actions)}. " +
            "The state machine definition and the function are from different releases."),
    };

    private async Task<StepResult> PlanAsync(StepInput input, CancellationToken token)
    {
        var plan = await new PlanStep(_options, _services).RunAsync(input, token);
        return new(Json(plan, FailoverJsonContext.Default.PlanOutput), plan.Decision, plan.Summary);
    }

    private async Task<StepResult> ActivateAsync(StepInput input, CancellationToken token)
    {
        var activation = await new CapacitySteps(_options, _services).ActivateAsync(RequirePlan(input), token);
        return new(Json(activation, FailoverJsonContext.Default.ActivationOutput), "activated", activation.Summary);
    }

    private async Task<StepResult> CheckCapacityAsync(StepInput input, CancellationToken token)
    {
        var capacity = await new CapacitySteps(_options, _services).CheckAsync(RequirePlan(input), token);
        return new(Json(capacity, FailoverJsonContext.Default.CapacityOutput), capacity.Ready ? "ready" : "waiting",
            capacity.Summary);
    }

    private async Task<StepResult> CheckHealthAsync(CancellationToken token)
    {
        var health = await new HealthStep(_options, _services).CheckAsync(token);
        return new(Json(health, FailoverJsonContext.Default.HealthOutput), health.Healthy ? "healthy" : "unhealthy",
            health.Summary);
    }

    private async Task<StepResult> SwitchDnsAsync(StepInput input, CancellationToken token)
    {
        var dns = await new DnsSteps(_options, _services).SwitchAsync(input, token);
        return new(Json(dns, FailoverJsonContext.Default.DnsOutput), dns.Forced ? "switched (forced)" : "switched",
            $"{_options.Record.Name} {dns.PreviousValue ?? "(no record)"} -> {dns.NewValue}, change {dns.ChangeId}");
    }

    private async Task<StepResult> CheckSyncAsync(StepInput input, CancellationToken token)
    {
        var sync = await new DnsSteps(_options, _services).CheckSyncAsync(input, token);
        return new(Json(sync, FailoverJsonContext.Default.SyncOutput), sync.Status, $"change {input.Dns?.ChangeId}");
    }

    private async Task<StepResult> AnnounceAsync(StepInput input, CancellationToken token)
    {
        var announced = await new AnnounceSteps(_options, _services).AnnounceAsync(RequireState(input), token);
        return new(Json(announced, FailoverJsonContext.Default.AnnouncementOutput), "announced", announced.Summary);
    }

    private async Task<StepResult> ReportFailureAsync(StepInput input, CancellationToken token)
    {
        var failure = await new AnnounceSteps(_options, _services).ReportFailureAsync(RequireState(input), token);
        return new(Json(failure, FailoverJsonContext.Default.FailureOutput), failure.Error, failure.Cause);
    }

    private static StepInput Read(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, FailoverJsonContext.Default.StepInput)
                ?? throw new FailoverStepException(
                    "FailoverStep got the JSON null; expected an object with an action.");
        }
        catch (JsonException e)
        {
            throw new FailoverStepException($"FailoverStep got a payload it cannot read ({e.Message}); expected the " +
                "input the region-failover state machine sends, an object with an action.", e);
        }
    }

    private static FailoverPlan RequirePlan(StepInput input) => input.Plan ?? throw new FailoverStepException(
        $"Action {input.Action} needs the plan ($.plan); the state machine definition is from another release.");

    private static FailoverState RequireState(StepInput input) => input.State ?? throw new FailoverStepException(
        $"Action {input.Action} needs the state document ($); the state machine definition is from another release.");

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private void Emit(string action, string outcome) => _metrics.Emit(new MetricPoint("FailoverStep", 1, "Count",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Region"] = _options.Region, ["Action"] = action, ["Outcome"] = outcome,
        }));

    /// <summary>A step's response JSON, its outcome word and its one-sentence summary, for the log.</summary>
    private sealed record StepResult(byte[] Json, string Outcome, string Summary);
}
