using DialControl.Aws.Eks;
using DialControl.Aws.Errors;

namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>
/// One node group in memory. Updates set the desired size and stamp modifiedAt with the fake clock, as
/// EKS does; hooks let a test fail a call or hold a describe until another invocation catches up.
/// </summary>
public sealed class FakeEks : IAmazonEKS
{
    private readonly TimeProvider _time;
    private readonly CallLog _log;
    private readonly object _gate = new();
    private readonly List<UpdateNodegroupConfigRequest> _updates = [];

    public FakeEks(TimeProvider time, CallLog log, string status, int min, int max, int desired, DateTimeOffset? modifiedAt)
    {
        _time = time;
        _log = log;
        Status = status;
        MinSize = min;
        MaxSize = max;
        DesiredSize = desired;
        ModifiedAt = modifiedAt;
    }

    public string Status { get; set; }

    public int? MinSize { get; set; }

    public int? MaxSize { get; set; }

    public int? DesiredSize { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary>Thrown by DescribeNodegroup instead of answering.</summary>
    public Exception? DescribeFailure { get; set; }

    /// <summary>Thrown by UpdateNodegroupConfig; <see cref="ApplyBeforeFailure"/> says whether it landed first.</summary>
    public Exception? UpdateFailure { get; set; }

    public bool ApplyBeforeFailure { get; set; }

    /// <summary>Awaited after DescribeNodegroup took its snapshot, before it answers.</summary>
    public Func<Task>? AfterDescribe { get; set; }

    public IReadOnlyList<UpdateNodegroupConfigRequest> Updates
    {
        get
        {
            lock (_gate)
            {
                return [.. _updates];
            }
        }
    }

    public async Task<DescribeNodegroupResponse> DescribeNodegroupAsync(
        DescribeNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        _log.Add("eks:DescribeNodegroup");
        if (DescribeFailure is { } failure)
        {
            throw failure;
        }

        Nodegroup snapshot;
        lock (_gate)
        {
            snapshot = new Nodegroup
            {
                NodegroupName = request.NodegroupName,
                ClusterName = request.ClusterName,
                Status = Status,
                ScalingConfig = new NodegroupScalingConfig { MinSize = MinSize, MaxSize = MaxSize, DesiredSize = DesiredSize },
                ModifiedAt = ModifiedAt,
            };
        }

        if (AfterDescribe is { } wait)
        {
            await wait();
        }

        return new DescribeNodegroupResponse { Nodegroup = snapshot };
    }

    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(
        UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default)
    {
        _log.Add("eks:UpdateNodegroupConfig");
        lock (_gate)
        {
            _updates.Add(request);
            if (UpdateFailure is { } failure)
            {
                if (ApplyBeforeFailure)
                {
                    Apply(request);
                }

                throw failure;
            }

            Apply(request);
        }

        return Task.FromResult(new UpdateNodegroupConfigResponse
        {
            Update = new Update { Id = "update-" + _updates.Count, Status = "InProgress", Type = "ConfigUpdate" },
        });
    }

    public Task<DescribeClusterResponse> DescribeClusterAsync(
        DescribeClusterRequest request, CancellationToken cancellationToken = default)
    {
        _log.Add("eks:DescribeCluster");
        throw new NotSupportedException("scale-nodes must not call DescribeCluster");
    }

    public Task<ListNodegroupsResponse> ListNodegroupsAsync(
        ListNodegroupsRequest request, CancellationToken cancellationToken = default)
    {
        _log.Add("eks:ListNodegroups");
        throw new NotSupportedException("scale-nodes must not call ListNodegroups");
    }

    public static ResourceInUseException InUse() => new(new AwsErrorDetails("EKS", "UpdateNodegroupConfig",
        "ResourceInUseException", "Nodegroup core is currently being updated", 409, "req-in-use"));

    public static AwsServiceException InternalFailure(string operation) => new(new AwsErrorDetails("EKS", operation,
        "ServerException", "internal failure", 500, "req-500"));

    public static ResourceNotFoundException NotFound() => new(new AwsErrorDetails("EKS", "DescribeNodegroup",
        "ResourceNotFoundException", "No node group found for name: core.", 404, "req-404"));

    private void Apply(UpdateNodegroupConfigRequest request)
    {
        if (request.ScalingConfig?.DesiredSize is { } desired)
        {
            DesiredSize = desired;
        }

        ModifiedAt = _time.GetUtcNow();
    }
}
