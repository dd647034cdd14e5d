using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace DialControl.Aws.Runtime;

/// <summary>Feeds the configured region and endpoint override into <see cref="AwsEndpointProvider"/>.</summary>
internal sealed class AwsEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = (AwsClientConfig)requestContext.ClientConfig;
        var parameters = new EndpointParameters();
        parameters["Region"] = requestContext.Request.AlternateEndpoint?.SystemName ?? config.ResolveRegion();
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }
}

/// <summary>
/// Resolves the endpoint of a service: the override when one is configured, else the service's public
/// regional (or global) endpoint. FIPS and dual-stack variants are not offered by DialControl.
/// </summary>
internal sealed class AwsEndpointProvider(AwsServiceDescriptor service) : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters["Endpoint"] is string overridden && overridden.Length > 0)
        {
            return new Endpoint(overridden);
        }

        if (parameters["Region"] is not string region || region.Length == 0)
        {
            throw new AmazonClientException(
                $"No region for {service.ServiceId}: set AWS_REGION (for example us-east-1) or an endpoint override.");
        }

        return new Endpoint(service.DefaultEndpoint(region));
    }
}
