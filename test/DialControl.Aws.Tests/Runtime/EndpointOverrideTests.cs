using DialControl.Aws.CloudWatch;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Runtime;

/// <summary>Tests that set process-wide environment variables; they run alone, never beside others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentTestGroup
{
    public const string Name = "process environment";
}

[Collection(EnvironmentTestGroup.Name)]
public sealed class EndpointOverrideTests
{
    [Fact]
    public async Task ServiceQuotasClient_AwsEndpointUrlServiceQuotasSet_SendsThere()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """{"Quota":{"Value":5.0}}"""));
        using var variable = new EnvironmentVariable("AWS_ENDPOINT_URL_SERVICE_QUOTAS", server.Url);
        var config = new AwsClientConfig(AmazonServiceQuotasClient.Service)
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest1,
        };

        var response = await new AmazonServiceQuotasClient(TestCredentials.Basic, config)
            .GetServiceQuotaAsync(new() { ServiceCode = "bedrock", QuotaCode = "L-1" });

        Assert.Equal(server.Url, config.ServiceURL?.TrimEnd('/'));
        Assert.Equal(5.0, response.Quota!.Value);
        Assert.Equal("ServiceQuotasV20190624.GetServiceQuota", server.Requests.Single().Headers["x-amz-target"]);
    }

    [Fact]
    public async Task CloudWatchClient_OnlyGlobalAwsEndpointUrlSet_SendsThere()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """{"MetricAlarms":[]}"""));
        using var variable = new EnvironmentVariable("AWS_ENDPOINT_URL", server.Url);
        var config = new AwsClientConfig(AmazonCloudWatchClient.Service)
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest1,
        };

        await new AmazonCloudWatchClient(TestCredentials.Basic, config).DescribeAlarmsAsync(new());

        Assert.Equal("GraniteServiceVersion20100801.DescribeAlarms", server.Requests.Single().Headers["x-amz-target"]);
    }

    [Fact]
    public async Task ServiceQuotasClient_ServiceVariableAndGlobalVariableSet_ServiceVariableWins()
    {
        using var global = new CaptureServer();
        using var service = new CaptureServer().Answer(new CannedResponse(200, """{"Quota":{"Value":5.0}}"""));
        using var globalVariable = new EnvironmentVariable("AWS_ENDPOINT_URL", global.Url);
        using var serviceVariable = new EnvironmentVariable("AWS_ENDPOINT_URL_SERVICE_QUOTAS", service.Url);
        var config = new AwsClientConfig(AmazonServiceQuotasClient.Service)
        {
            RegionEndpoint = Amazon.RegionEndpoint.EUWest1,
        };

        await new AmazonServiceQuotasClient(TestCredentials.Basic, config)
            .GetServiceQuotaAsync(new() { ServiceCode = "bedrock", QuotaCode = "L-1" });

        Assert.Single(service.Requests);
        Assert.Empty(global.Requests);
    }

    /// <summary>Sets a variable for one test and puts the previous value back.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
