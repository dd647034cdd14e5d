using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DialControl.Aws.CloudWatch;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Sns;
using DialControl.Functions.Hosting;
using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using DialControl.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

/// <summary>
/// The BedrockQuota function against moto_server: AWS/Bedrock metrics put with boto3 and read with
/// GetMetricData, the level kept in a DynamoDB table, events delivered by an EventBridge rule to an SQS
/// queue and messages by an SNS subscription to another, all read back with boto3. Service Quotas is
/// the hand-written <see cref="FakeServiceQuotas"/>: moto has no Bedrock quotas.
/// </summary>
[Collection(QuotaMotoGroup.Name)]
public sealed class BedrockQuotaMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";
    private const string Account = "123456789012";
    private const string TpmCode = "L-11111111";

    // Metrics are written at fixed times, and the clock is fixed, so the window does not depend on today.
    private static readonly DateTimeOffset s_now = new(2024, 12, 3, 17, 27, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset s_windowStart = new(2024, 12, 3, 17, 22, 0, TimeSpan.Zero);

    private readonly FakeServiceQuotas _quotas = new FakeServiceQuotas(Region).Applied(TpmCode, 100_000);
    private readonly FakeTimeProvider _time = new(s_now);

    private sealed record Stack(string Name, string Table, string EventQueue, string TopicArn, string TopicQueue);

    /// <summary>A state table, a bus whose rule forwards dialcontrol events to a queue, a topic with a queue.</summary>
    private Stack Seed(string name)
    {
        Boto3.Call(moto.Url,
            CreateTable(name),
            new("sqs", "create_queue", new { QueueName = name + "-events" }, Region),
            new("sqs", "create_queue", new { QueueName = name + "-mail" }, Region),
            new("events", "create_event_bus", new { Name = name }, Region),
            new("events", "put_rule", new
            {
                Name = "quota-levels",
                EventBusName = name,
                EventPattern = """{"source": ["dialcontrol"], "detail-type": ["Bedrock Quota Level Changed"]}""",
            }, Region),
            new("events", "put_targets", new
            {
                Rule = "quota-levels",
                EventBusName = name,
                Targets = new[] { new { Id = "queue", Arn = $"arn:aws:sqs:{Region}:{Account}:{name}-events" } },
            }, Region),
            new("sns", "create_topic", new { Name = name }, Region),
            new("sns", "subscribe", new
            {
                TopicArn = $"arn:aws:sns:{Region}:{Account}:{name}",
                Protocol = "sqs",
                Endpoint = $"arn:aws:sqs:{Region}:{Account}:{name}-mail",
            }, Region));
        return new Stack(name, name, QueueUrl(name + "-events"), $"arn:aws:sns:{Region}:{Account}:{name}",
            QueueUrl(name + "-mail"));
    }

    /// <summary>A table shaped like the stack's state table: pk and sk strings.</summary>
    private static Boto3Call CreateTable(string name) => new("dynamodb", "create_table", new
    {
        TableName = name,
        KeySchema = new[]
        {
            new { AttributeName = "pk", KeyType = "HASH" }, new { AttributeName = "sk", KeyType = "RANGE" },
        },
        AttributeDefinitions = new[]
        {
            new { AttributeName = "pk", AttributeType = "S" }, new { AttributeName = "sk", AttributeType = "S" },
        },
        BillingMode = "PAY_PER_REQUEST",
    }, Region);

    private string QueueUrl(string queue) =>
        Boto3.One(moto.Url, new("sqs", "get_queue_url", new { QueueName = queue }, Region))["QueueUrl"]!
            .GetValue<string>();

    /// <summary>
    /// Five minutes of traffic of <paramref name="modelId"/>, starting <paramref name="offset"/>
    /// minutes into the window.
    /// </summary>
    private void PutTraffic(string modelId, double input, double output, int offset = 0)
    {
        var data = Enumerable.Range(offset, 5).SelectMany(m => new[]
        {
            Datum("InputTokenCount", modelId, input, s_windowStart.AddMinutes(m)),
            Datum("OutputTokenCount", modelId, output, s_windowStart.AddMinutes(m)),
            Datum("Invocations", modelId, 10, s_windowStart.AddMinutes(m)),
        }).ToArray();
        Boto3.Call(moto.Url, new Boto3Call("cloudwatch", "put_metric_data",
            new { Namespace = "AWS/Bedrock", MetricData = data }, Region));
    }

    private static object Datum(string metric, string modelId, double value, DateTimeOffset minute) => new
    {
        MetricName = metric,
        Dimensions = new[] { new { Name = "ModelId", Value = modelId } },
        Value = value,
        Timestamp = minute.AddSeconds(5).ToString("O", CultureInfo.InvariantCulture),
    };

    private BedrockQuotaFunction Function(Stack stack, string modelId)
    {
        var settings = new Dictionary<string, string>
        {
            ["BEDROCK_MODELS"] = $$"""
                [{"modelId": "{{modelId}}", "regions": ["{{Region}}"], "tpmQuotaCode": "{{TpmCode}}",
                  "outputTokenMultiplier": 5}]
                """,
            ["AWS_REGION"] = Region,
            ["STATE_TABLE"] = stack.Table,
            ["EVENT_BUS_NAME"] = stack.Name,
            ["QUOTA_SNS_TOPIC_ARN"] = stack.TopicArn,
        };
        var options = BedrockQuotaOptionsReader.Read(n => settings.GetValueOrDefault(n));
        var aws = new AwsClientFactory(
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Url }, TestCredentials.Basic);
        var services = new QuotaServices(
            _ => _quotas,
            region => new AmazonCloudWatchClient(
                TestCredentials.Basic, aws.Config(AmazonCloudWatchClient.Service, region)),
            new AmazonEventBridgeClient(TestCredentials.Basic, aws.Config(AmazonEventBridgeClient.Service, Region)),
            new AmazonSimpleNotificationServiceClient(TestCredentials.Basic,
                aws.Config(AmazonSimpleNotificationServiceClient.Service, Region)),
            new DynamoDbQuotaLevelStore(aws.CreateDynamoDb(Region), stack.Table));
        return new BedrockQuotaFunction(options, services, _time, new ListLoggerFactory(), new RecordingMetrics());
    }

    private static Task<byte[]> InvokeAsync(BedrockQuotaFunction function) =>
        function.InvokeAsync(Encoding.UTF8.GetBytes(QuotaHarness.ScheduledEvent), new FakeLambdaContext());

    private JsonArray Receive(string queueUrl) =>
        Boto3.One(moto.Url, new("sqs", "receive_message",
            new { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 }, Region))["Messages"]?.AsArray()
        ?? [];

    private JsonObject StoredLevel(Stack stack, string modelId) =>
        Boto3.One(moto.Url, new("dynamodb", "get_item", new
        {
            TableName = stack.Table,
            Key = new
            {
                pk = new { S = $"quota#level#{Region}#{modelId}" },
                sk = new { S = "live" },
            },
        }, Region))["Item"]!.AsObject();

    [Fact]
    public async Task InvokeAsync_ExhaustedInMoto_AnnouncesOnceOnBusAndTopicAcrossColdStarts()
    {
        const string model = "anthropic.claude-sonnet-4-moto-once";
        var stack = Seed("quota-once");
        PutTraffic(model, input: 60_000, output: 10_000);
        var warm = Function(stack, model);

        await InvokeAsync(warm);
        await InvokeAsync(warm);
        await InvokeAsync(Function(stack, model));

        var events = Receive(stack.EventQueue);
        var delivered = JsonNode.Parse(Assert.Single(events)!["Body"]!.GetValue<string>())!;
        Assert.Equal("dialcontrol", delivered["source"]!.GetValue<string>());
        Assert.Equal("Bedrock Quota Level Changed", delivered["detail-type"]!.GetValue<string>());
        Assert.Equal(model, delivered["detail"]!["modelId"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", delivered["detail"]!["level"]!.GetValue<string>());
        Assert.Equal(110, delivered["detail"]!["utilisationPercent"]!.GetValue<double>());
        Assert.Equal(110_000, delivered["detail"]!["usage"]!["peakTokensPerMinute"]!.GetValue<double>());
        var mail = JsonNode.Parse(Assert.Single(Receive(stack.TopicQueue))!["Body"]!.GetValue<string>())!;
        Assert.Equal($"Bedrock quota EXHAUSTED: {model} in {Region}", mail["Subject"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", StoredLevel(stack, model)["level"]!["S"]!.GetValue<string>());
        Assert.Equal(TpmCode, StoredLevel(stack, model)["quotaCode"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_RecoveryAfterColdStart_AnnouncesOkWithThePreviousLevel()
    {
        const string model = "anthropic.claude-sonnet-4-moto-recovery";
        var stack = Seed("quota-recovery");
        PutTraffic(model, input: 60_000, output: 10_000);
        await InvokeAsync(Function(stack, model));
        PutTraffic(model, input: 1_000, output: 100, offset: 10);
        _time.Advance(TimeSpan.FromMinutes(10));

        await InvokeAsync(Function(stack, model));

        var levels = Receive(stack.EventQueue)
            .Select(m => JsonNode.Parse(m!["Body"]!.GetValue<string>())!["detail"]!)
            .Select(d => $"{d["previousLevel"]?.GetValue<string>() ?? "none"} -> {d["level"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["EXHAUSTED -> OK", "none -> EXHAUSTED"], levels);
        Assert.Equal("OK", StoredLevel(stack, model)["level"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task DynamoDbStore_ConditionalWrites_OnlyTheFirstClaimOfAChangeWins()
    {
        var stack = Seed("quota-store");
        var aws = new AwsClientFactory(
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Url }, TestCredentials.Basic);
        var store = new DynamoDbQuotaLevelStore(aws.CreateDynamoDb(Region), stack.Table);
        var key = new QuotaLevelKey(Region, "amazon.nova-pro-v1:0", DryRun: false);
        var exhausted = new StoredQuotaLevel(QuotaLevel.Exhausted, s_now, 120.5, TpmCode);

        var first = await store.TryRecordAsync(key, exhausted, null, default);
        var duplicate = await store.TryRecordAsync(key, exhausted, null, default);
        var stale = await store.TryRecordAsync(key, exhausted with { Level = QuotaLevel.Warning }, QuotaLevel.Ok,
            default);
        var coldStart = await new DynamoDbQuotaLevelStore(aws.CreateDynamoDb(Region), stack.Table)
            .GetAsync(key, default);

        Assert.Equal((true, false, false), (first, duplicate, stale));
        Assert.Equal(exhausted, coldStart);
        Assert.Null(await store.GetAsync(key with { DryRun = true }, default));

        await store.RestoreAsync(key, null, QuotaLevel.Exhausted, default);

        Assert.Null(await store.GetAsync(key, default));
    }
}
