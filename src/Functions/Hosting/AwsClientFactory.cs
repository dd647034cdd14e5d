using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DialControl.Aws.Runtime;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Creates AWS clients for a region. In Lambda the credentials come from the role (the SDK's default
/// chain) and the endpoints are AWS's; locally, <c>AWS_ENDPOINT_URL</c> or
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> point them at an emulator, as with any AWS SDK.
/// </summary>
public class AwsClientFactory
{
    private readonly AWSCredentials? _credentials;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>Creates a factory over <paramref name="settings"/> (the environment).</summary>
    public AwsClientFactory(IReadOnlyDictionary<string, string> settings, AWSCredentials? credentials = null)
    {
        _settings = settings;
        _credentials = credentials;
    }

    /// <summary>The configuration of a client for <paramref name="service"/> in <paramref name="region"/>.</summary>
    public AwsClientConfig Config(AwsServiceDescriptor service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        return AwsClientConfig.For(service, region, EndpointOverride(service));
    }

    /// <summary>Creates a client with the factory's credentials, or the SDK's default chain.</summary>
    public T Create<T>(AwsServiceDescriptor service, string region, Func<AWSCredentials?, AwsClientConfig, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return create(_credentials, Config(service, region));
    }

    /// <summary>
    /// A DynamoDB client (AWSSDK.DynamoDBv2, the official package) for <paramref name="region"/>, with the
    /// same endpoint overrides and credentials as the other clients.
    /// </summary>
    public IAmazonDynamoDB CreateDynamoDb(string region)
    {
        var config = new AmazonDynamoDBConfig { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region) };
        var endpoint = EndpointOverride(DynamoDbService);
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        return _credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(_credentials, config);
    }

    /// <summary>DynamoDB's identity, for its endpoint override variable AWS_ENDPOINT_URL_DYNAMODB.</summary>
    private static readonly AwsServiceDescriptor DynamoDbService =
        new("DynamoDB", "dynamodb", "dynamodb", "2012-08-10");

    /// <summary>Set to <c>true</c>, turns both endpoint variables off, as in every AWS SDK.</summary>
    public const string IgnoreEndpointUrlsSetting = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>
    /// The endpoint override for <paramref name="service"/>: AWS_ENDPOINT_URL_&lt;ID&gt; (the service id upper
    /// case, spaces as underscores), else AWS_ENDPOINT_URL; null when neither is set, or when
    /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
    /// </summary>
    public string? EndpointOverride(AwsServiceDescriptor service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_settings.TryGetValue(IgnoreEndpointUrlsSetting, out var ignore)
            && bool.TryParse(ignore.Trim(), out var ignored) && ignored)
        {
            return null;
        }

        var specific = "AWS_ENDPOINT_URL_" + service.ServiceId.ToUpperInvariant().Replace(' ', '_');
        if (_settings.TryGetValue(specific, out var url) && !string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        return _settings.TryGetValue("AWS_ENDPOINT_URL", out var global) && !string.IsNullOrWhiteSpace(global)
            ? global
            : null;
    }
}
