using System.Text.Json.Nodes;
using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.Sns;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Sns;

[Collection(MotoTestGroup.Name)]
public sealed class SnsMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";
    private const string Account = "123456789012";

    private AmazonSimpleNotificationServiceClient Client() => new(TestCredentials.Basic,
        AwsClientConfig.For(AmazonSimpleNotificationServiceClient.Service, Region, moto.Url));

    /// <summary>Creates a topic with an SQS queue subscribed, through boto3; returns the topic ARN and queue.</summary>
    private (string TopicArn, string QueueUrl) SeedTopicWithQueue(string name)
    {
        var topicArn = $"arn:aws:sns:{Region}:{Account}:{name}";
        var results = Boto3.Call(moto.Url,
            new("sns", "create_topic", new { Name = name }, Region),
            new("sqs", "create_queue", new { QueueName = name + "-inbox" }, Region),
            new("sns", "subscribe", new
            {
                TopicArn = topicArn,
                Protocol = "sqs",
                Endpoint = $"arn:aws:sqs:{Region}:{Account}:{name}-inbox",
            }, Region));
        Assert.Equal(topicArn, results[0]!["TopicArn"]!.GetValue<string>());
        return (topicArn, results[1]!["QueueUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_TopicWithQueue_DeliversMessageSubjectAndAttributes()
    {
        var (topicArn, queueUrl) = SeedTopicWithQueue("quota-flags");

        var published = await Client().PublishAsync(new()
        {
            TopicArn = topicArn,
            Message = """{"model":"claude","level":"EXHAUSTED"}""",
            Subject = "Bedrock quota EXHAUSTED",
            MessageAttributes = new() { ["level"] = new() { DataType = "String", StringValue = "EXHAUSTED" } },
        });

        var received = Boto3.One(moto.Url, new("sqs", "receive_message",
            new { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 0 }, Region));
        var message = Assert.Single(received["Messages"]!.AsArray())!;
        var envelope = JsonNode.Parse(message["Body"]!.GetValue<string>())!;
        Assert.Equal(published.MessageId, envelope["MessageId"]!.GetValue<string>());
        Assert.Equal(topicArn, envelope["TopicArn"]!.GetValue<string>());
        Assert.Equal("""{"model":"claude","level":"EXHAUSTED"}""", envelope["Message"]!.GetValue<string>());
        Assert.Equal("Bedrock quota EXHAUSTED", envelope["Subject"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", envelope["MessageAttributes"]!["level"]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_UnknownTopic_ThrowsResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client().PublishAsync(
            new() { TopicArn = $"arn:aws:sns:{Region}:{Account}:no-such-topic", Message = "x" }));

        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal(("SNS", "Publish"), (error.ServiceId, error.Operation));
    }
}
