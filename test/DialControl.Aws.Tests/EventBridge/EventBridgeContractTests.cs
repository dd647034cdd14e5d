using DialControl.Aws.Errors;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.EventBridge;

public sealed class EventBridgeContractTests
{
    private const string Detail = """{"modelId":"anthropic.claude-3-5-sonnet","level":"EXHAUSTED"}""";

    private static AmazonEventBridgeClient Client(CaptureServer server, int maxErrorRetry = 3)
    {
        var config = AwsClientConfig.For(AmazonEventBridgeClient.Service, "eu-west-1", server.Url);
        config.MaxErrorRetry = maxErrorRetry;
        return new(TestCredentials.Basic, config);
    }

    [Fact]
    public async Task PutEvents_RequestAndPartialFailure_MatchBotocoreAndParse()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """
            {"FailedEntryCount":1,"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"},
             {"ErrorCode":"InternalFailure","ErrorMessage":"Internal failure, retry the entry"}]}
            """, "application/x-amz-json-1.1"));

        var response = await Client(server).PutEventsAsync(new()
        {
            Entries =
            [
                new()
                {
                    Source = "dialcontrol.quota",
                    DetailType = "Quota Level Changed",
                    Detail = Detail,
                    Resources = ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet"],
                    EventBusName = "dial-control",
                    Time = DateTimeOffset.FromUnixTimeSeconds(1733246400),
                },
                new() { Source = "dialcontrol.quota", DetailType = "Quota Level Changed", Detail = "{}" },
            ],
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "events", "PutEvents", new
            {
                Entries = new object[]
                {
                    new
                    {
                        Source = "dialcontrol.quota",
                        DetailType = "Quota Level Changed",
                        Detail,
                        Resources = new[] { "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet" },
                        EventBusName = "dial-control",
                        Time = 1733246400,
                    },
                    new { Source = "dialcontrol.quota", DetailType = "Quota Level Changed", Detail = "{}" },
                },
            }));
        Assert.Equal(1, response.FailedEntryCount);
        Assert.Equal(2, response.Entries.Count);
        Assert.Equal("11710aed-b79e-4468-a20b-bb3c0c3b4860", response.Entries[0].EventId);
        Assert.Null(response.Entries[0].ErrorCode);
        Assert.Equal("InternalFailure", response.Entries[1].ErrorCode);
        Assert.Equal("Internal failure, retry the entry", response.Entries[1].ErrorMessage);
    }

    [Fact]
    public async Task PutEvents_ThrottledPastRetryBudget_ThrowsThrottlingException()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400,
            """{"__type":"ThrottlingException","message":"Rate exceeded"}""", "application/x-amz-json-1.1"));

        var error = await Assert.ThrowsAsync<ThrottlingException>(() =>
            Client(server, maxErrorRetry: 1).PutEventsAsync(new()
            {
                Entries = [new() { Source = "dialcontrol.quota", DetailType = "Quota Level Changed", Detail = "{}" }],
            }));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("EventBridge", error.ServiceId);
        Assert.Equal("PutEvents", error.Operation);
        Assert.Equal(2, server.Requests.Count);
    }
}
