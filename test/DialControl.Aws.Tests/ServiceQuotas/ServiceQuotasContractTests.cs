using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.ServiceQuotas;

public sealed class ServiceQuotasContractTests
{
    private const string QuotaJson = """
        {"ServiceCode":"bedrock","ServiceName":"Amazon Bedrock",
         "QuotaArn":"arn:aws:servicequotas:eu-west-1:123456789012:bedrock/L-ABCD1234",
         "QuotaCode":"L-ABCD1234","QuotaName":"Tokens per minute for Claude","Value":400000.0,
         "Unit":"None","Adjustable":true,"GlobalQuota":false,"QuotaAppliedAtLevel":"ACCOUNT"}
        """;

    private const string ChangeJson = """
        {"Id":"req-abc","CaseId":"case-1","ServiceCode":"bedrock","QuotaCode":"L-ABCD1234",
         "QuotaName":"Tokens per minute for Claude","DesiredValue":800000.0,"Status":"PENDING",
         "Created":1733246400.5,"LastUpdated":1733250000,"Requester":"arn:aws:iam::123456789012:role/x"}
        """;

    private static AmazonServiceQuotasClient Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonServiceQuotasClient.Service, "eu-west-1", server.Url));

    private static CannedResponse Error(int status, string type, string message) =>
        new(status, $$"""{"__type":"{{type}}","Message":"{{message}}"}""", "application/x-amz-json-1.1");

    [Fact]
    public async Task GetServiceQuota_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, $$"""{"Quota":{{QuotaJson}}}"""));

        var response = await Client(server).GetServiceQuotaAsync(
            new() { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "service-quotas", "GetServiceQuota", new { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234" }));
        var quota = response.Quota!;
        Assert.Equal("bedrock", quota.ServiceCode);
        Assert.Equal("L-ABCD1234", quota.QuotaCode);
        Assert.Equal("Tokens per minute for Claude", quota.QuotaName);
        Assert.Equal(400000.0, quota.Value);
        Assert.Equal("None", quota.Unit);
        Assert.True(quota.Adjustable);
        Assert.False(quota.GlobalQuota);
    }

    [Fact]
    public async Task GetAWSDefaultServiceQuota_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, $$"""{"Quota":{{QuotaJson}}}"""));

        var response = await Client(server).GetAWSDefaultServiceQuotaAsync(
            new() { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "service-quotas", "GetAWSDefaultServiceQuota", new { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234" }));
        Assert.Equal(400000.0, response.Quota!.Value);
    }

    [Fact]
    public async Task RequestServiceQuotaIncrease_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(
            new CannedResponse(200, $$"""{"RequestedQuota":{{ChangeJson}}}"""));

        var response = await Client(server).RequestServiceQuotaIncreaseAsync(
            new() { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234", DesiredValue = 800000.5 });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "service-quotas", "RequestServiceQuotaIncrease",
            new { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234", DesiredValue = 800000.5 }));
        var change = response.RequestedQuota!;
        Assert.Equal("req-abc", change.Id);
        Assert.Equal("case-1", change.CaseId);
        Assert.Equal(RequestStatus.Pending, change.Status);
        Assert.Equal(800000.0, change.DesiredValue);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1733246400500), change.Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733250000), change.LastUpdated);
    }

    [Fact]
    public async Task ListRequestedServiceQuotaChangeHistoryByQuota_StatusAndPaging_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(
            new CannedResponse(200, $$"""{"RequestedQuotas":[{{ChangeJson}}],"NextToken":"page-2"}"""));

        var response = await Client(server).ListRequestedServiceQuotaChangeHistoryByQuotaAsync(new()
        {
            ServiceCode = "bedrock",
            QuotaCode = "L-ABCD1234",
            Status = RequestStatus.CaseOpened,
            MaxResults = 20,
            NextToken = "page-1",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "service-quotas", "ListRequestedServiceQuotaChangeHistoryByQuota", new
            {
                ServiceCode = "bedrock",
                QuotaCode = "L-ABCD1234",
                Status = "CASE_OPENED",
                MaxResults = 20,
                NextToken = "page-1",
            }));
        Assert.Equal("req-abc", Assert.Single(response.RequestedQuotas).Id);
        Assert.Equal("page-2", response.NextToken);
    }

    [Fact]
    public async Task GetServiceQuota_NoSuchResource_ThrowsTypedException()
    {
        using var server = new CaptureServer().Answer(
            Error(400, "NoSuchResourceException", "The request failed because the specified quota does not exist."));

        var error = await Assert.ThrowsAsync<NoSuchResourceException>(() =>
            Client(server).GetServiceQuotaAsync(new() { ServiceCode = "bedrock", QuotaCode = "L-00000000" }));

        Assert.Equal("NoSuchResourceException", error.ErrorCode);
        Assert.Equal("Service Quotas", error.ServiceId);
        Assert.Equal("GetServiceQuota", error.Operation);
        Assert.Equal(
            "Service Quotas GetServiceQuota failed with NoSuchResourceException (HTTP 400, request id req-1): " +
            "The request failed because the specified quota does not exist.",
            error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RequestServiceQuotaIncrease_RequestAlreadyOpen_ThrowsQuotaRequestAlreadyPending()
    {
        using var server = new CaptureServer().Answer(Error(400,
            "com.amazonaws.servicequotas#ResourceAlreadyExistsException",
            "There is already a pending request for this quota."));

        var error = await Assert.ThrowsAsync<QuotaRequestAlreadyPendingException>(() =>
            Client(server).RequestServiceQuotaIncreaseAsync(
                new() { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234", DesiredValue = 800000 }));

        Assert.Equal("ResourceAlreadyExistsException", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("RequestServiceQuotaIncrease", error.Operation);
        Assert.Single(server.Requests);
    }
}
