using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>
/// Builds the BedrockQuota function over fakes: one Claude model watched in us-east-1 (TPM L-11111111 of
/// 100,000, RPM L-22222222 of 100, output burndown 5) with a us-west-2 and an inference-profile
/// alternative. The clock stands at 10:07:30, so the window is 10:02 to 10:07.
/// </summary>
internal sealed class QuotaHarness
{
    public const string Model = "anthropic.claude-sonnet-4-20250514-v1:0";
    public const string Profile = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    public const string Home = "us-east-1";
    public const string West = "us-west-2";
    public const string Tpm = "L-11111111";
    public const string Rpm = "L-22222222";
    public const string WestTpm = "L-33333333";
    public const string ProfileTpm = "L-44444444";
    public const string Topic = "arn:aws:sns:us-east-1:123456789012:quota-alerts";

    public static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 7, 30, TimeSpan.Zero);

    /// <summary>The first minute of the window.</summary>
    public static readonly DateTimeOffset WindowStart = new(2025, 6, 2, 10, 2, 0, TimeSpan.Zero);

    private readonly Dictionary<string, FakeServiceQuotas> _quotas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeCloudWatch> _cloudWatch = new(StringComparer.Ordinal);

    public QuotaHarness()
    {
        QuotasIn(Home).Applied(Tpm, 100_000).Applied(Rpm, 100).Applied(ProfileTpm, 200_000);
        QuotasIn(West).Applied(WestTpm, 100_000);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeEventBridge Events { get; } = new();

    public FakeSns Sns { get; } = new();

    public InMemoryQuotaLevelStore Levels { get; set; } = new();

    public RecordingMetrics Metrics { get; } = new();

    public ListLoggerFactory Logs { get; } = new();

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["BEDROCK_MODELS"] = ModelsJson(),
        ["AWS_REGION"] = Home,
        ["STATE_TABLE"] = "dialcontrol-state",
        ["QUOTA_SNS_TOPIC_ARN"] = Topic,
    };

    public static string ModelsJson(string extra = "") =>
        $$"""
        [{"modelId": "{{Model}}", "regions": ["{{Home}}"], "tpmQuotaCode": "{{Tpm}}", "rpmQuotaCode": "{{Rpm}}",
          "outputTokenMultiplier": 5{{extra}},
          "alternatives": [{"region": "{{West}}", "tpmQuotaCode": "{{WestTpm}}"},
                           {"inferenceProfile": "{{Profile}}", "tpmQuotaCode": "{{ProfileTpm}}"}]}]
        """;

    public FakeServiceQuotas QuotasIn(string region) =>
        _quotas.TryGetValue(region, out var fake) ? fake : _quotas[region] = new FakeServiceQuotas(region);

    public FakeCloudWatch CloudWatchIn(string region) =>
        _cloudWatch.TryGetValue(region, out var fake) ? fake : _cloudWatch[region] = new FakeCloudWatch();

    /// <summary>All Service Quotas calls in every region.</summary>
    public IEnumerable<string> QuotaCalls => _quotas.Values.SelectMany(q => q.Calls);

    /// <summary>All increase requests in every region.</summary>
    public IEnumerable<string> IncreaseRequests =>
        _quotas.SelectMany(q => q.Value.IncreaseRequests.Select(r => $"{q.Key} {r.QuotaCode} {r.DesiredValue}"));

    /// <summary>A function instance: a new one over the same store is a cold start.</summary>
    public BedrockQuotaFunction Function()
    {
        var options = BedrockQuotaOptionsReader.Read(name =>
            Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null);
        var services = new QuotaServices(QuotasIn, CloudWatchIn, Events, Sns, Levels);
        return new BedrockQuotaFunction(options, services, Time, Logs, Metrics);
    }

    /// <summary>Invokes <paramref name="function"/> (a new instance when null) and parses its answer.</summary>
    public async Task<JsonObject> InvokeAsync(string payload, BedrockQuotaFunction? function = null)
    {
        var bytes = await (function ?? Function())
            .InvokeAsync(Encoding.UTF8.GetBytes(payload), new FakeLambdaContext());
        return JsonNode.Parse(bytes)!.AsObject();
    }

    /// <summary>Five minutes of the same traffic in the window.</summary>
    public void Traffic(string region, string modelId, double input, double output, double invocations = 10,
        double throttles = 0)
    {
        for (var minute = 0; minute < 5; minute++)
        {
            CloudWatchIn(region).Minute(modelId, WindowStart.AddMinutes(minute), input, output, invocations,
                minute == 4 ? throttles : 0);
        }
    }

    /// <summary>The event detail of the i-th published event.</summary>
    public JsonObject Detail(int index) => JsonNode.Parse(Events.Entries[index].Detail!)!.AsObject();

    public const string ScheduledEvent =
        """
        {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
         "source": "aws.events", "account": "123456789012", "time": "2025-06-02T10:07:00Z", "region": "us-east-1",
         "resources": ["arn:aws:events:us-east-1:123456789012:rule/dialcontrol-quota"], "detail": {}}
        """;

    /// <summary>An EventBridge "CloudWatch Alarm State Change" of an alarm on a Bedrock metric.</summary>
    public static string AlarmEvent(string modelId, string metric = "InvocationThrottles", string region = Home,
        string state = "ALARM") =>
        $$"""
        {"version": "0", "id": "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92", "detail-type": "CloudWatch Alarm State Change",
         "source": "aws.cloudwatch", "account": "123456789012", "time": "2025-06-02T10:07:00Z", "region": "{{region}}",
         "resources": ["arn:aws:cloudwatch:{{region}}:123456789012:alarm:bedrock-throttles"],
         "detail": {"alarmName": "bedrock-throttles",
           "state": {"value": "{{state}}", "reason": "Threshold Crossed", "timestamp": "2025-06-02T10:07:00.000+0000"},
           "previousState": {"value": "OK", "reason": "ok", "timestamp": "2025-06-02T09:00:00.000+0000"},
           "configuration": {"description": "Bedrock throttling", "metrics": [{"id": "m1",
             "metricStat": {"metric": {"namespace": "AWS/Bedrock", "name": "{{metric}}",
               "dimensions": {"ModelId": "{{modelId}}"} }, "period": 60, "stat": "Sum"}, "returnData": true}]} } }
        """;
}
