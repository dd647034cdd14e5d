namespace DialControl.Aws.Runtime;

/// <summary>
/// The identity of one AWS service as the SDK needs it: the id that names its endpoint variables,
/// the SigV4 signing name, the host prefix and the API version.
/// </summary>
/// <param name="ServiceId">
/// The SDK service id (for example <c>EKS</c>, <c>Route 53</c>); <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c> is derived
/// from it by AWSSDK.Core.
/// </param>
/// <param name="SigningName">The SigV4 service name (for example <c>eks</c>, <c>states</c>).</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint (for example <c>monitoring</c>).</param>
/// <param name="ApiVersion">The API version the operations were written against.</param>
/// <param name="GlobalSigningRegion">
/// For a global service such as Route 53, the only region requests are signed for; otherwise null.
/// </param>
public sealed record AwsServiceDescriptor(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    string ApiVersion,
    string? GlobalSigningRegion = null)
{
    /// <summary>The endpoint used when no override is configured.</summary>
    public string DefaultEndpoint(string region) =>
        GlobalSigningRegion is null
            ? $"https://{EndpointPrefix}.{region}.amazonaws.com"
            : $"https://{EndpointPrefix}.amazonaws.com";
}
