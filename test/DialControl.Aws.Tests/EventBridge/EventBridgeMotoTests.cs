using System.Text.Json.Nodes;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.EventBridge;

[Collection(MotoTestGroup.Name)]
public sealed class EventBridgeMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";

    private AmazonEventBridgeClient Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonEventBridgeClient.Service, Region, moto.Url));

    /// <summary>A bus with a rule that forwards dialcontrol.quota events to a new SQS queue.</summary>
    private string SeedBusToQueue(string bus)
    {
        var queue = Boto3.One(moto.Url, new("sqs", "create_queue", new { QueueName = bus + "-queue" }, Region));
        var queueUrl = queue["QueueUrl"]!.GetValue<string>();
        var attributes = Boto3.One(moto.Url, new("sqs", "get_queue_attributes",
            new { QueueUrl = queueUrl, AttributeNames = new[] { "QueueArn" } }, Region));
        var queueArn = attributes["Attributes"]!["QueueArn"]!.GetValue<string>();
        Boto3.Call(moto.Url,
            new("events", "create_event_bus", new { Name = bus }, Region),
            new("events", "put_rule", new
            {
                Name = "quota-levels",
                EventBusName = bus,
                EventPattern = """{"source":["dialcontrol.quota"]}""",
            }, Region),
            new("events", "put_targets", new
            {
                Rule = "quota-levels",
                EventBusName = bus,
                Targets = new[] { new { Id = "queue", Arn = queueArn } },
            }, Region));
        return queueUrl;
    }

    [Fact]
    public async Task PutEvents_RuleTargetingQueue_DeliversTheEventToTheQueue()
    {
        var queueUrl = SeedBusToQueue("dial-control-put-events-test");

        var response = await Client().PutEventsAsync(new()
        {
            Entries =
            [
                new()
                {
                    Source = "dialcontrol.quota",
                    DetailType = "Quota Level Changed",
                    Detail = """{"modelId":"claude","level":"EXHAUSTED"}""",
                    Resources = ["arn:aws:bedrock:eu-west-1::foundation-model/claude"],
                    EventBusName = "dial-control-put-events-test",
                },
            ],
        });

        Assert.Equal(0, response.FailedEntryCount);
        var eventId = Assert.Single(response.Entries).EventId;
        Assert.False(string.IsNullOrEmpty(eventId));
        var received = Boto3.One(moto.Url, new("sqs", "receive_message",
            new { QueueUrl = queueUrl, MaxNumberOfMessages = 10 }, Region));
        var message = Assert.Single(received["Messages"]!.AsArray());
        var delivered = JsonNode.Parse(message!["Body"]!.GetValue<string>())!;
        Assert.Equal(eventId, delivered["id"]!.GetValue<string>());
        Assert.Equal("dialcontrol.quota", delivered["source"]!.GetValue<string>());
        Assert.Equal("Quota Level Changed", delivered["detail-type"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", delivered["detail"]!["level"]!.GetValue<string>());
        Assert.Equal(
            "arn:aws:bedrock:eu-west-1::foundation-model/claude", delivered["resources"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task PutEvents_SourceNoRuleMatches_IsAcceptedButNotDelivered()
    {
        var queueUrl = SeedBusToQueue("dial-control-no-match-test");

        var response = await Client().PutEventsAsync(new()
        {
            Entries =
            [
                new()
                {
                    Source = "dialcontrol.scaling",
                    DetailType = "Node Group Scaled",
                    Detail = "{}",
                    EventBusName = "dial-control-no-match-test",
                },
            ],
        });

        Assert.Equal(0, response.FailedEntryCount);
        var received = Boto3.One(moto.Url, new("sqs", "receive_message", new { QueueUrl = queueUrl }, Region));
        Assert.Null(received["Messages"]);
    }
}
