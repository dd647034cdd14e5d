using DialControl.Aws.Eks;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>EKS node groups in memory; records every update asked for.</summary>
public sealed class FakeEks : IAmazonEKS
{
    public Dictionary<string, Nodegroup> Nodegroups { get; } = new(StringComparer.Ordinal);

    public List<UpdateNodegroupConfigRequest> Updates { get; } = [];

    public int Describes { get; private set; }

    /// <summary>Thrown by every update of the named node group.</summary>
    public Dictionary<string, Exception> FailUpdateOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Thrown by the next update, once.</summary>
    public Exception? FailNextUpdate { get; set; }

    /// <summary>The status node groups get after an update (EKS answers UPDATING at first).</summary>
    public string StatusAfterUpdate { get; set; } = "ACTIVE";

    public FakeEks With(string name, int desired, int max, string status = "ACTIVE", int min = 0)
    {
        Nodegroups[name] = new Nodegroup
        {
            NodegroupName = name,
            Status = status,
            ScalingConfig = new NodegroupScalingConfig { DesiredSize = desired, MaxSize = max, MinSize = min },
        };
        return this;
    }

    public Task<DescribeClusterResponse> DescribeClusterAsync(
        DescribeClusterRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ListNodegroupsResponse> ListNodegroupsAsync(
        ListNodegroupsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ListNodegroupsResponse { Nodegroups = [.. Nodegroups.Keys.Order(StringComparer.Ordinal)] });

    public Task<DescribeNodegroupResponse> DescribeNodegroupAsync(
        DescribeNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        Describes++;
        return Nodegroups.TryGetValue(request.NodegroupName!, out var group)
            ? Task.FromResult(new DescribeNodegroupResponse { Nodegroup = group })
            : throw new DialControl.Aws.Errors.ResourceNotFoundException(
                AwsErrors.Details("EKS", "DescribeNodegroup", "ResourceNotFoundException", 404));
    }

    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(
        UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default)
    {
        Updates.Add(request);
        if (FailNextUpdate is { } failure)
        {
            FailNextUpdate = null;
            throw failure;
        }

        if (FailUpdateOf.TryGetValue(request.NodegroupName!, out var denied))
        {
            throw denied;
        }

        var group = Nodegroups[request.NodegroupName!];
        group.ScalingConfig!.DesiredSize = request.ScalingConfig?.DesiredSize ?? group.ScalingConfig.DesiredSize;
        group.ScalingConfig.MaxSize = request.ScalingConfig?.MaxSize ?? group.ScalingConfig.MaxSize;
        group.Status = StatusAfterUpdate;
        return Task.FromResult(
            new UpdateNodegroupConfigResponse { Update = new Update { Id = $"upd-{Updates.Count}" } });
    }
}
