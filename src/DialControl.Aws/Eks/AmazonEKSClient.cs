using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.Eks;

/// <summary>The EKS operations DialControl calls, as AWSSDK.EKS's <c>AmazonEKSClient</c> names them.</summary>
public class AmazonEKSClient : AwsServiceClient, IAmazonEKS
{
    /// <summary>EKS: signing name <c>eks</c>, override variable <c>AWS_ENDPOINT_URL_EKS</c>.</summary>
    public static readonly AwsServiceDescriptor Service = new("EKS", "eks", "eks", "2017-11-01");

    private static readonly EksJsonContext s_json = EksJsonContext.Default;

    private static readonly AwsOperation<DescribeClusterRequest, DescribeClusterResponse> s_describeCluster =
        JsonProtocol.Rest<DescribeClusterRequest, DescribeClusterResponse>(
            Service,
            "DescribeCluster",
            (r, w) => w.Route("GET", "/clusters/{name}").Label("name", r.Name),
            s_json.DescribeClusterResponse);

    private static readonly AwsOperation<ListNodegroupsRequest, ListNodegroupsResponse> s_listNodegroups =
        JsonProtocol.Rest<ListNodegroupsRequest, ListNodegroupsResponse>(
            Service,
            "ListNodegroups",
            (r, w) => w.Route("GET", "/clusters/{name}/node-groups")
                .Label("name", r.ClusterName)
                .Query("maxResults", r.MaxResults)
                .Query("nextToken", r.NextToken),
            s_json.ListNodegroupsResponse);

    private static readonly AwsOperation<DescribeNodegroupRequest, DescribeNodegroupResponse> s_describeNodegroup =
        JsonProtocol.Rest<DescribeNodegroupRequest, DescribeNodegroupResponse>(
            Service,
            "DescribeNodegroup",
            (r, w) => w.Route("GET", "/clusters/{name}/node-groups/{nodegroupName}")
                .Label("name", r.ClusterName)
                .Label("nodegroupName", r.NodegroupName),
            s_json.DescribeNodegroupResponse);

    private static readonly AwsOperation<UpdateNodegroupConfigRequest, UpdateNodegroupConfigResponse> s_update =
        JsonProtocol.Rest<UpdateNodegroupConfigRequest, UpdateNodegroupConfigResponse>(
            Service,
            "UpdateNodegroupConfig",
            (r, w) => w.Route("POST", "/clusters/{name}/node-groups/{nodegroupName}/update-config")
                .Label("name", r.ClusterName)
                .Label("nodegroupName", r.NodegroupName)
                .JsonBody(r, s_json.UpdateNodegroupConfigRequest),
            s_json.UpdateNodegroupConfigResponse);

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonEKSClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonEKSClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonEKSClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<DescribeClusterResponse> DescribeClusterAsync(
        DescribeClusterRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_describeCluster, cancellationToken);

    /// <inheritdoc />
    public Task<ListNodegroupsResponse> ListNodegroupsAsync(
        ListNodegroupsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_listNodegroups, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeNodegroupResponse> DescribeNodegroupAsync(
        DescribeNodegroupRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_describeNodegroup, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(
        UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_update, cancellationToken);
}
