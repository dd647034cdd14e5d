using DialControl.Aws.Errors;
using DialControl.Aws.Route53;
using DialControl.Aws.Runtime;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Route53;

public sealed class Route53ErrorTests
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private static AmazonRoute53Client Client(CaptureServer server, int maxErrorRetry = 3)
    {
        var config = AwsClientConfig.For(AmazonRoute53Client.Service, "eu-west-1", server.Url);
        config.MaxErrorRetry = maxErrorRetry;
        return new(TestCredentials.Basic, config);
    }

    private static CannedResponse Error(int status, string code, string message) => new(status, $"""
        <?xml version="1.0"?>
        <ErrorResponse xmlns="{Ns}">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>8d2d2b7e-0000-4000-8000-00000000000a</RequestId>
        </ErrorResponse>
        """, "text/xml");

    private static ChangeResourceRecordSetsRequest CnameUpsert(string zone = "Z123") => new()
    {
        HostedZoneId = zone,
        ChangeBatch = new()
        {
            Changes =
            [
                new()
                {
                    Action = ChangeAction.Upsert,
                    ResourceRecordSet = new()
                    {
                        Name = "chat.example.com.",
                        Type = RRType.Cname,
                        TTL = 60,
                        ResourceRecords = [new() { Value = "dial-eu.example.com" }],
                    },
                },
            ],
        },
    };

    [Fact]
    public async Task ChangeResourceRecordSets_InvalidChangeBatch_CarriesEveryMessageWithoutRetry()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400, $"""
            <?xml version="1.0"?>
            <InvalidChangeBatch xmlns="{Ns}">
              <messages>
                <Message>Tried to create resource record set [name='chat.example.com.', type='A'] but it already exists
                </Message>
                <Message>
                  Tried to delete resource record set [name='old.example.com.', type='CNAME'] but it was not found
                </Message>
              </messages>
              <RequestId>b25f48e8-84fd-11e6-80d9-574e0c4664cb</RequestId>
            </InvalidChangeBatch>
            """, "text/xml"));

        var error = await Assert.ThrowsAsync<InvalidChangeBatchException>(
            () => Client(server).ChangeResourceRecordSetsAsync(CnameUpsert()));

        Assert.Equal(2, error.Messages.Count);
        Assert.Equal(
            "Tried to create resource record set [name='chat.example.com.', type='A'] but it already exists",
            error.Messages[0]);
        Assert.Equal(
            "Tried to delete resource record set [name='old.example.com.', type='CNAME'] but it was not found",
            error.Messages[1]);
        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal(("Route 53", "ChangeResourceRecordSets"), (error.ServiceId, error.Operation));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_InvalidChangeBatchAsErrorResponse_CarriesTheMessage()
    {
        using var server = new CaptureServer().Answer(Error(400, "InvalidChangeBatch",
            "RRSet with DNS name chat.other.org. is not permitted in zone example.com."));

        var error = await Assert.ThrowsAsync<InvalidChangeBatchException>(
            () => Client(server).ChangeResourceRecordSetsAsync(CnameUpsert()));

        Assert.Equal(["RRSet with DNS name chat.other.org. is not permitted in zone example.com."], error.Messages);
    }

    [Theory]
    [InlineData("NoSuchHostedZone", 404, typeof(ResourceNotFoundException))]
    [InlineData("NoSuchChange", 404, typeof(ResourceNotFoundException))]
    [InlineData("NoSuchHealthCheck", 404, typeof(ResourceNotFoundException))]
    [InlineData("PriorRequestNotComplete", 400, typeof(PriorRequestNotCompleteException))]
    [InlineData("Throttling", 400, typeof(ThrottlingException))]
    [InlineData("InvalidInput", 400, typeof(InvalidInputException))]
    [InlineData("AccessDenied", 403, typeof(AccessDeniedException))]
    public async Task AnyOperation_ErrorCode_ThrowsTypedException(string code, int status, Type expected)
    {
        using var server = new CaptureServer().Answer(Error(status, code, $"message for {code}"));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(
            () => Client(server, maxErrorRetry: 0).ChangeResourceRecordSetsAsync(CnameUpsert()));

        Assert.IsType(expected, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(
            $"Route 53 ChangeResourceRecordSets failed with {code} (HTTP {status}, request id req-1): " +
            $"message for {code}",
            error.Message);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_PriorRequestNotCompleteOnce_IsRetriedAndSucceeds()
    {
        using var server = new CaptureServer().Answer(
            Error(400, "PriorRequestNotComplete", "Route 53 is still processing a prior request for the zone."),
            new CannedResponse(200, $"""
                <ChangeResourceRecordSetsResponse xmlns="{Ns}">
                  <ChangeInfo><Id>/change/C7</Id><Status>PENDING</Status></ChangeInfo>
                </ChangeResourceRecordSetsResponse>
                """, "text/xml"));

        var response = await Client(server).ChangeResourceRecordSetsAsync(CnameUpsert());

        Assert.Equal("/change/C7", response.ChangeInfo!.Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetChange_BodyNotXml_KeepsStatusAndSaysSo()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(403, "<html><body>Forbidden", "text/html"));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(
            () => Client(server).GetChangeAsync(new() { Id = "C1" }));

        Assert.Equal(typeof(AwsServiceException), error.GetType());
        Assert.Equal("UnknownError", error.ErrorCode);
        Assert.Equal(403, (int)error.StatusCode);
        Assert.EndsWith(": the response body was not XML", error.Message, StringComparison.Ordinal);
    }
}
