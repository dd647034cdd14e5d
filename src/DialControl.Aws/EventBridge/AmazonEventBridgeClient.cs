using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.EventBridge;

/// <summary>
/// The EventBridge operation DialControl calls, as AWSSDK.EventBridge's <c>AmazonEventBridgeClient</c>
/// names it.
/// </summary>
public class AmazonEventBridgeClient : AwsServiceClient, IAmazonEventBridge
{
    /// <summary>
    /// EventBridge: signing name <c>events</c>, override variable <c>AWS_ENDPOINT_URL_EVENTBRIDGE</c>.
    /// </summary>
    public static readonly AwsServiceDescriptor Service = new("EventBridge", "events", "events", "2015-10-07");

    private static readonly EventBridgeJsonContext s_json = EventBridgeJsonContext.Default;

    private static readonly AwsOperation<PutEventsRequest, PutEventsResponse> s_putEvents =
        JsonProtocol.Rpc(Service, "1.1", "AWSEvents.PutEvents", s_json.PutEventsRequest, s_json.PutEventsResponse);

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonEventBridgeClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonEventBridgeClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonEventBridgeClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<PutEventsResponse> PutEventsAsync(
        PutEventsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_putEvents, cancellationToken);
}
