using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.Sns;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Sns;

public sealed class SnsContractTests
{
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:dial-quota-flags";

    private static AmazonSimpleNotificationServiceClient Client(CaptureServer server, int maxErrorRetry = 3)
    {
        var config = AwsClientConfig.For(AmazonSimpleNotificationServiceClient.Service, "eu-west-1", server.Url);
        config.MaxErrorRetry = maxErrorRetry;
        return new(TestCredentials.Basic, config);
    }

    private static CannedResponse Published(string messageId) => new(200, $"""
        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <PublishResult><MessageId>{messageId}</MessageId></PublishResult>
          <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
        </PublishResponse>
        """, "text/xml");

    private static CannedResponse Error(int status, string code, string message) => new(status, $"""
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
        </ErrorResponse>
        """, "text/xml");

    [Fact]
    public async Task Publish_WithSubjectAndAttributes_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(Published("94f20ce6-13c5-43a0-9a9e-ca52d816e90b"));

        var response = await Client(server).PublishAsync(new()
        {
            TopicArn = TopicArn,
            Message = """{"model":"anthropic.claude-3-5-sonnet","level":"EXHAUSTED","used":"100%"}""",
            Subject = "Bedrock quota EXHAUSTED & throttling",
            MessageAttributes = new()
            {
                ["level"] = new() { DataType = "String", StringValue = "EXHAUSTED" },
                ["utilisation"] = new() { DataType = "Number", StringValue = "1.02" },
            },
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize("sns", "Publish", new
        {
            TopicArn,
            Message = """{"model":"anthropic.claude-3-5-sonnet","level":"EXHAUSTED","used":"100%"}""",
            Subject = "Bedrock quota EXHAUSTED & throttling",
            MessageAttributes = new Dictionary<string, object>
            {
                ["level"] = new { DataType = "String", StringValue = "EXHAUSTED" },
                ["utilisation"] = new { DataType = "Number", StringValue = "1.02" },
            },
        }));
        Assert.Equal("94f20ce6-13c5-43a0-9a9e-ca52d816e90b", response.MessageId);
        Assert.Equal("req-1", response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task Publish_MessageOnly_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(Published("m-2"));

        var response = await Client(server).PublishAsync(new() { TopicArn = TopicArn, Message = "level OK" });

        Contract.AssertSameAsBotocore(server.Requests.Single(),
            BotocoreOracle.Serialize("sns", "Publish", new { TopicArn, Message = "level OK" }));
        Assert.Equal("m-2", response.MessageId);
    }

    [Fact]
    public async Task Publish_AnyRequest_IsSignedForTheClientsRegion()
    {
        using var server = new CaptureServer().Answer(Published("m-3"));

        await Client(server).PublishAsync(new() { TopicArn = TopicArn, Message = "x" });

        Assert.Contains("/eu-west-1/sns/aws4_request", server.Requests.Single().Headers["authorization"],
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NotFound", 404, typeof(ResourceNotFoundException))]
    [InlineData("Throttling", 400, typeof(ThrottlingException))]
    [InlineData("Throttled", 429, typeof(ThrottlingException))]
    [InlineData("AuthorizationError", 403, typeof(AccessDeniedException))]
    [InlineData("InvalidParameter", 400, typeof(InvalidInputException))]
    public async Task Publish_ErrorCode_ThrowsTypedException(string code, int status, Type expected)
    {
        using var server = new CaptureServer().Answer(Error(status, code, $"message for {code}"));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() =>
            Client(server, maxErrorRetry: 0).PublishAsync(new() { TopicArn = TopicArn, Message = "x" }));

        Assert.IsType(expected, error);
        Assert.Equal(
            $"SNS Publish failed with {code} (HTTP {status}, request id req-1): message for {code}", error.Message);
    }

    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("Throttled", 429)]
    public async Task Publish_ThrottledOnce_IsRetriedAndSucceeds(string code, int status)
    {
        using var server = new CaptureServer().Answer(Error(status, code, "Rate exceeded"), Published("m-4"));

        var response = await Client(server).PublishAsync(new() { TopicArn = TopicArn, Message = "x" });

        Assert.Equal("m-4", response.MessageId);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Publish_NotFound_IsNotRetried()
    {
        using var server = new CaptureServer().Answer(Error(404, "NotFound", "Topic does not exist"));

        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => Client(server).PublishAsync(new() { TopicArn = TopicArn, Message = "x" }));

        Assert.Single(server.Requests);
    }
}
