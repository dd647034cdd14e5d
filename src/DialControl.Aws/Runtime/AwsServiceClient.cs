using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace DialControl.Aws.Runtime;

/// <summary>
/// The base of every DialControl service client: AWSSDK.Core's pipeline (default credential chain,
/// SigV4 signing, standard retries, endpoint overrides) with DialControl's endpoint and auth handlers.
/// A subclass adds one method per operation and nothing else.
/// </summary>
public abstract class AwsServiceClient : AmazonServiceClient
{
    private readonly AwsServiceMetadata _metadata;

    /// <summary>Creates a client whose credentials come from the SDK's default chain.</summary>
    protected AwsServiceClient(AwsClientConfig config)
        : base(config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SignForClientRegionWhenOverridden();
        _metadata = new AwsServiceMetadata(config.Service.ServiceId);
    }

    /// <summary>Creates a client with explicit credentials (tests, assumed roles).</summary>
    protected AwsServiceClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SignForClientRegionWhenOverridden();
        _metadata = new AwsServiceMetadata(config.Service.ServiceId);
    }

    /// <inheritdoc />
    protected override IServiceMetadata ServiceMetadata =>
        _metadata ?? new AwsServiceMetadata(((AwsClientConfig)Config).Service.ServiceId);

    /// <inheritdoc />
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new AwsAuthSchemeHandler());
    }

    /// <summary>Sends <paramref name="request"/> through the pipeline as <paramref name="operation"/>.</summary>
    private protected Task<TResponse> SendAsync<TRequest, TResponse>(
        TRequest request,
        AwsOperation<TRequest, TResponse> operation,
        CancellationToken cancellationToken)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        var options = new InvokeOptions
        {
            RequestMarshaller = operation.Marshaller,
            ResponseUnmarshaller = operation.Unmarshaller,
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }

    private sealed class AwsServiceMetadata(string serviceId) : IServiceMetadata
    {
        public string ServiceId => serviceId;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}

/// <summary>How one operation is written to the wire and read back.</summary>
internal sealed record AwsOperation<TRequest, TResponse>(
    IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller,
    ResponseUnmarshaller Unmarshaller)
    where TRequest : AmazonWebServiceRequest
    where TResponse : AmazonWebServiceResponse;
