namespace DialControl.Aws.Eks;

/// <summary>The EKS operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonEKS
{
    /// <summary>Describes a cluster. Throws <c>ResourceNotFoundException</c> for an unknown name.</summary>
    Task<DescribeClusterResponse> DescribeClusterAsync(
        DescribeClusterRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a cluster's node group names.</summary>
    Task<ListNodegroupsResponse> ListNodegroupsAsync(
        ListNodegroupsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes a node group: status, sizes, modifiedAt.</summary>
    Task<DescribeNodegroupResponse> DescribeNodegroupAsync(
        DescribeNodegroupRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a node group's sizes. Throws <c>ResourceInUseException</c> while another update runs.
    /// </summary>
    Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(
        UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default);
}
