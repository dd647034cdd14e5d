using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace DialControl.Aws.Runtime;

/// <summary>
/// Client configuration for one DialControl service client. Everything but the service identity is
/// AWSSDK.Core's own: the endpoint overrides <c>AWS_ENDPOINT_URL</c> and
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, the region chain, and the retry modes.
/// </summary>
public sealed class AwsClientConfig : ClientConfig
{
    private static readonly AwsEndpointResolver s_endpointResolver = new();

    /// <summary>Creates the configuration of a client for <paramref name="service"/>.</summary>
    public AwsClientConfig(AwsServiceDescriptor service)
        : base(new DefaultConfigurationProvider(AwsDefaultConfigurations.All))
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
        ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
        EndpointProvider = new AwsEndpointProvider(service);

        // Standard mode: throttling and 5xx retried with exponential backoff and full jitter, at
        // most MaxErrorRetry times; other 4xx never. The values are the SDK's documented defaults.
        RetryMode = RequestRetryMode.Standard;
        MaxErrorRetry = 3;
        if (service.GlobalSigningRegion is { } signingRegion)
        {
            AuthenticationRegion = signingRegion;
        }
    }

    /// <summary>
    /// The configuration of a client for <paramref name="service"/> in <paramref name="region"/>, optionally
    /// sent to <paramref name="serviceUrl"/> (an emulator). Requests are still signed for the region, so
    /// one emulator can stand in for several regions.
    /// </summary>
    public static AwsClientConfig For(AwsServiceDescriptor service, string region, string? serviceUrl = null)
    {
        var config = new AwsClientConfig(service) { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region) };
        if (!string.IsNullOrEmpty(serviceUrl))
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = service.GlobalSigningRegion ?? region;
            config.SignedRegion = region;
        }

        return config;
    }

    /// <summary>
    /// The region this client acts in when <see cref="ClientConfig.ServiceURL"/> replaced the region.
    /// </summary>
    internal string? SignedRegion { get; private set; }

    /// <summary>The service this configuration is for.</summary>
    public AwsServiceDescriptor Service { get; }

    /// <inheritdoc />
    public override string RegionEndpointServiceName => Service.EndpointPrefix;

    /// <inheritdoc />
    public override string ServiceVersion => Service.ApiVersion;

    /// <inheritdoc />
    public override string UserAgent => InternalSDKUtils.BuildUserAgentString(Service.ServiceId, "dialcontrol");

    /// <inheritdoc />
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var requestContext = new RequestContext(enableMetric: false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, Service.ServiceId)
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };
        return s_endpointResolver.GetEndpoint(new Amazon.Runtime.Internal.ExecutionContext(requestContext, null));
    }

    /// <summary>
    /// With an override read from AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWSSDK.Core would sign for
    /// a region guessed from the URL (us-east-1 for an emulator's); this signs for the client's region instead,
    /// as botocore does, so one emulator serves both regions. Called when a client is created.
    /// </summary>
    internal void SignForClientRegionWhenOverridden()
    {
        if (string.IsNullOrEmpty(AuthenticationRegion) && !string.IsNullOrEmpty(ServiceURL)
            && ResolveRegion() is { Length: > 0 } region)
        {
            AuthenticationRegion = region;
        }
    }

    /// <summary>The region requests go to: the configured one, else the SDK's region chain.</summary>
    internal string? ResolveRegion() =>
        RegionEndpoint?.SystemName ?? SignedRegion ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
}
