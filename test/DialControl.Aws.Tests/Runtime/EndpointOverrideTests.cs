using Amazon.Runtime.Internal;
using DialControl.Aws.CloudWatch;
using DialControl.Aws.Eks;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Route53;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Sns;
using DialControl.Aws.StepFunctions;
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

    /// <summary>Each client's service id and the variable the AWS standard derives from it.</summary>
    public static TheoryData<string, string> ServiceVariables => new()
    {
        { "EKS", "AWS_ENDPOINT_URL_EKS" },
        { "Route 53", "AWS_ENDPOINT_URL_ROUTE_53" },
        { "SFN", "AWS_ENDPOINT_URL_SFN" },
        { "Service Quotas", "AWS_ENDPOINT_URL_SERVICE_QUOTAS" },
        { "CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH" },
        { "EventBridge", "AWS_ENDPOINT_URL_EVENTBRIDGE" },
        { "SNS", "AWS_ENDPOINT_URL_SNS" },
    };

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void AnyClient_ItsServiceVariableSet_ResolvesToIt(string serviceId, string variable)
    {
        using var set = new EnvironmentVariable(variable, "http://127.0.0.1:4566");
        var config = new AwsClientConfig(s_services[serviceId]) { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 };

        var endpoint = config.DetermineServiceOperationEndpoint(new(new DescribeAlarmsRequest()));

        Assert.Equal("http://127.0.0.1:4566", endpoint.URL.TrimEnd('/'));
    }

    [Fact]
    public async Task EksClient_ServiceVariableSet_SignsForTheClientsRegion()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """{"cluster":{"name":"dial"}}"""));
        using var variable = new EnvironmentVariable("AWS_ENDPOINT_URL_EKS", server.Url);
        var config = new AwsClientConfig(AmazonEKSClient.Service) { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 };

        await new AmazonEKSClient(TestCredentials.Basic, config).DescribeClusterAsync(new() { Name = "dial" });

        var authorization = server.Requests.Single().Headers["authorization"];
        Assert.True(authorization.Contains("/eu-west-1/eks/aws4_request", StringComparison.Ordinal), authorization);
    }

    [Fact]
    public void EksClient_IgnoreConfiguredEndpointUrlsTrue_UsesThePublicEndpoint()
    {
        using var service = new EnvironmentVariable("AWS_ENDPOINT_URL_EKS", "http://127.0.0.1:4566");
        using var global = new EnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:4567");
        using var ignore = new EnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        var config = new AwsClientConfig(AmazonEKSClient.Service) { RegionEndpoint = Amazon.RegionEndpoint.EUWest1 };

        var endpoint = config.DetermineServiceOperationEndpoint(new(new DescribeClusterRequest()));

        Assert.Equal("https://eks.eu-west-1.amazonaws.com", endpoint.URL.TrimEnd('/'));
    }

    private static readonly Dictionary<string, AwsServiceDescriptor> s_services = new[]
    {
        AmazonEKSClient.Service, AmazonRoute53Client.Service, AmazonStepFunctionsClient.Service,
        AmazonServiceQuotasClient.Service, AmazonCloudWatchClient.Service, AmazonEventBridgeClient.Service,
        AmazonSimpleNotificationServiceClient.Service,
    }.ToDictionary(s => s.ServiceId, StringComparer.Ordinal);

    /// <summary>
    /// Sets a variable for one test and puts the previous value back. AWSSDK.Core reads settings such as
    /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS once per process and caches them, so the cache is dropped both times.
    /// </summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
            FallbackInternalConfigurationFactory.Reset();
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(_name, _previous);
            FallbackInternalConfigurationFactory.Reset();
        }
    }
}
