using Amazon.Runtime;

namespace DialControl.Aws.Runtime;

/// <summary>
/// The SDK's defaults modes (AWS_DEFAULTS_MODE), all with standard retries. DialControl calls the
/// control planes of its own region and of the peer, so connect timeouts follow the SDK's
/// in-region (1.1 s) and cross-region (3.1 s) values.
/// </summary>
internal static class AwsDefaultConfigurations
{
    public static IReadOnlyList<IDefaultConfiguration> All { get; } =
    [
        Create(DefaultConfigurationMode.Standard, 3100),
        Create(DefaultConfigurationMode.InRegion, 1100),
        Create(DefaultConfigurationMode.CrossRegion, 3100),
        Create(DefaultConfigurationMode.Auto, 1100),
    ];

    private static DefaultConfiguration Create(DefaultConfigurationMode mode, int connectMilliseconds) => new()
    {
        Name = mode,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
    };
}
