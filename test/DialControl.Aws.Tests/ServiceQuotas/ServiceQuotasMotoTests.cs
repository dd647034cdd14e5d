using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.ServiceQuotas;

/// <summary>
/// moto 5.2 implements only GetServiceQuota (and ListAWSDefaultServiceQuotas), for the service code
/// <c>vpc</c> only; GetAWSDefaultServiceQuota, RequestServiceQuotaIncrease and
/// ListRequestedServiceQuotaChangeHistoryByQuota answer 500, so they are covered by the contract tests.
/// </summary>
[Collection(MotoTestGroup.Name)]
public sealed class ServiceQuotasMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";

    private AmazonServiceQuotasClient Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonServiceQuotasClient.Service, Region, moto.Url));

    [Fact]
    public async Task GetServiceQuota_KnownQuota_ReturnsWhatMotoHolds()
    {
        var response = await Client().GetServiceQuotaAsync(new() { ServiceCode = "vpc", QuotaCode = "L-7E9ECCDB" });

        var seen = Boto3.One(moto.Url, new("service-quotas", "get_service_quota",
            new { ServiceCode = "vpc", QuotaCode = "L-7E9ECCDB" }, Region));
        var quota = response.Quota!;
        Assert.Equal(seen["Quota"]!["Value"]!.GetValue<double>(), quota.Value);
        Assert.Equal(50.0, quota.Value);
        Assert.Equal("Active VPC peering connections per VPC", quota.QuotaName);
        Assert.Equal("vpc", quota.ServiceCode);
        Assert.True(quota.Adjustable);
        Assert.False(quota.GlobalQuota);
    }

    [Fact]
    public async Task GetServiceQuota_ServiceMotoDoesNotHold_ThrowsNoSuchResource()
    {
        var error = await Assert.ThrowsAsync<NoSuchResourceException>(() =>
            Client().GetServiceQuotaAsync(new() { ServiceCode = "bedrock", QuotaCode = "L-ABCD1234" }));

        Assert.Equal("NoSuchResourceException", error.ErrorCode);
        Assert.Equal("GetServiceQuota", error.Operation);
    }
}
