using Amazon.DynamoDBv2;
using DialControl.Aws.CloudWatch;
using DialControl.Aws.Eks;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Route53;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Sns;
using DialControl.Aws.StepFunctions;
using DialControl.Functions.Hosting;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class AwsClientFactoryTests
{
    private const string Emulator = "http://127.0.0.1:4566";

    private static readonly Dictionary<string, AwsServiceDescriptor> s_services = new[]
    {
        AmazonEKSClient.Service, AmazonRoute53Client.Service, AmazonStepFunctionsClient.Service,
        AmazonServiceQuotasClient.Service, AmazonCloudWatchClient.Service, AmazonEventBridgeClient.Service,
        AmazonSimpleNotificationServiceClient.Service,
    }.ToDictionary(s => s.ServiceId, StringComparer.Ordinal);

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
    public void EndpointOverride_ServiceVariable_WinsOverTheGlobalOne(string serviceId, string variable)
    {
        var factory = Factory((variable, Emulator), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

        Assert.Equal(Emulator, factory.EndpointOverride(s_services[serviceId]));
        Assert.Equal(Emulator, factory.Config(s_services[serviceId], "eu-west-1").ServiceURL?.TrimEnd('/'));
    }

    [Fact]
    public void EndpointOverride_OnlyGlobalVariable_IsUsedForEveryService()
    {
        var factory = Factory(("AWS_ENDPOINT_URL", Emulator));

        Assert.All(s_services.Values, service => Assert.Equal(Emulator, factory.EndpointOverride(service)));
    }

    [Fact]
    public void EndpointOverride_NoVariable_IsNull()
    {
        Assert.Null(Factory().EndpointOverride(AmazonEKSClient.Service));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public void EndpointOverride_IgnoreConfiguredEndpointUrls_IgnoresBothVariables(string value)
    {
        var factory = Factory(("AWS_ENDPOINT_URL_EKS", Emulator), ("AWS_ENDPOINT_URL", Emulator),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", value));

        Assert.Null(factory.EndpointOverride(AmazonEKSClient.Service));
    }

    [Fact]
    public void EndpointOverride_IgnoreConfiguredEndpointUrlsFalse_KeepsTheVariables()
    {
        var factory = Factory(("AWS_ENDPOINT_URL_EKS", Emulator), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"));

        Assert.Equal(Emulator, factory.EndpointOverride(AmazonEKSClient.Service));
    }

    [Fact]
    public void CreateDynamoDb_DynamoDbVariable_SendsThereSignedForTheRegion()
    {
        var factory = Factory(("AWS_ENDPOINT_URL_DYNAMODB", Emulator), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

        using var client = (AmazonDynamoDBClient)factory.CreateDynamoDb("eu-west-1");

        Assert.Equal(Emulator, client.Config.ServiceURL?.TrimEnd('/'));
        Assert.Equal("eu-west-1", client.Config.AuthenticationRegion);
    }

    private static AwsClientFactory Factory(params (string Key, string Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal), TestCredentials.Basic);
}
