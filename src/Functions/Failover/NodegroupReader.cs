using DialControl.Aws.Eks;

namespace DialControl.Functions.Failover;

/// <summary>Reads a cluster's node groups through EKS, with failures translated by <see cref="AwsCalls"/>.</summary>
internal sealed class NodegroupReader(IAmazonEKS eks, string region, string cluster)
{
    /// <summary>At most this many pages of 100 names; far more than one cluster's node groups.</summary>
    private const int MaxPages = 10;

    /// <summary>The node group, or a step error naming it when EKS does not know it.</summary>
    public async Task<Nodegroup> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync(
            $"EKS DescribeNodegroup of node group {name} in cluster {cluster} ({region})",
            () => eks.DescribeNodegroupAsync(new() { ClusterName = cluster, NodegroupName = name }, cancellationToken),
            cancellationToken);
        return response.Nodegroup ?? throw new FailoverStepException(
            $"EKS DescribeNodegroup of node group {name} in cluster {cluster} ({region}) returned no node group.");
    }

    /// <summary>Every node group name of the cluster.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await AwsCalls.RunAsync(
                $"EKS ListNodegroups of cluster {cluster} ({region})",
                () => eks.ListNodegroupsAsync(
                    new() { ClusterName = cluster, MaxResults = 100, NextToken = token }, cancellationToken),
                cancellationToken);
            names.AddRange(response.Nodegroups);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return names;
    }
}
