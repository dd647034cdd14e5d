using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.Route53;

/// <summary>
/// The Route 53 operations DialControl calls, as AWSSDK.Route53's <c>AmazonRoute53Client</c> names them.
/// Route 53 is global: requests go to https://route53.amazonaws.com and are signed for us-east-1,
/// whatever region the client is created for.
/// </summary>
public class AmazonRoute53Client : AwsServiceClient, IAmazonRoute53
{
    /// <summary>Route 53: signing name <c>route53</c>, override variable <c>AWS_ENDPOINT_URL_ROUTE_53</c>.</summary>
    public static readonly AwsServiceDescriptor Service =
        new("Route 53", "route53", "route53", "2013-04-01", GlobalSigningRegion: "us-east-1");

    private static readonly AwsOperation<ListResourceRecordSetsRequest, ListResourceRecordSetsResponse> s_list =
        XmlProtocol.Rest<ListResourceRecordSetsRequest, ListResourceRecordSetsResponse>(
            Service,
            "ListResourceRecordSets",
            (r, w) => w.Route("GET", "/2013-04-01/hostedzone/{Id}/rrset")
                .Label("Id", StripPrefix(r.HostedZoneId))
                .Query("name", r.StartRecordName)
                .Query("type", r.StartRecordType)
                .Query("identifier", r.StartRecordIdentifier)
                .Query("maxitems", r.MaxItems),
            Route53Xml.ReadList);

    private static readonly AwsOperation<ChangeResourceRecordSetsRequest, ChangeResourceRecordSetsResponse> s_change =
        XmlProtocol.Rest<ChangeResourceRecordSetsRequest, ChangeResourceRecordSetsResponse>(
            Service,
            "ChangeResourceRecordSets",
            (r, w) => w.Route("POST", "/2013-04-01/hostedzone/{Id}/rrset/")
                .Label("Id", StripPrefix(r.HostedZoneId))
                .XmlBody(Route53Xml.ChangeResourceRecordSetsBody(RequireChanges(r.ChangeBatch))),
            root => new() { ChangeInfo = Route53Xml.ReadChangeInfo(root.Child("ChangeInfo")) });

    private static readonly AwsOperation<GetChangeRequest, GetChangeResponse> s_getChange =
        XmlProtocol.Rest<GetChangeRequest, GetChangeResponse>(
            Service,
            "GetChange",
            (r, w) => w.Route("GET", "/2013-04-01/change/{Id}").Label("Id", StripPrefix(r.Id)),
            root => new() { ChangeInfo = Route53Xml.ReadChangeInfo(root.Child("ChangeInfo")) });

    private static readonly AwsOperation<GetHealthCheckStatusRequest, GetHealthCheckStatusResponse> s_health =
        XmlProtocol.Rest<GetHealthCheckStatusRequest, GetHealthCheckStatusResponse>(
            Service,
            "GetHealthCheckStatus",
            (r, w) => w.Route("GET", "/2013-04-01/healthcheck/{HealthCheckId}/status")
                .Label("HealthCheckId", r.HealthCheckId),
            Route53Xml.ReadHealthCheckStatus);

    /// <summary>Creates a client with the default credential chain.</summary>
    public AmazonRoute53Client()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonRoute53Client(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonRoute53Client(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(
        ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_list, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(
        ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_change, cancellationToken);

    /// <inheritdoc />
    public Task<GetChangeResponse> GetChangeAsync(
        GetChangeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_getChange, cancellationToken);

    /// <inheritdoc />
    public Task<GetHealthCheckStatusResponse> GetHealthCheckStatusAsync(
        GetHealthCheckStatusRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_health, cancellationToken);

    /// <summary>
    /// Route 53 returns ids with their resource prefix (<c>/hostedzone/Z123</c>, <c>/change/C123</c>) but
    /// takes them bare in paths; like the official SDKs, accept both and send the last segment.
    /// </summary>
    internal static string? StripPrefix(string? id) =>
        id is null ? null : id[(id.LastIndexOf('/') + 1)..];

    private static ChangeBatch RequireChanges(ChangeBatch? batch) =>
        batch is { Changes.Count: > 0 }
            ? batch
            : throw new ArgumentException(
                "ChangeBatch is required and must hold at least one change (CREATE, DELETE or UPSERT).",
                nameof(batch));
}
