using DialControl.Functions.Failover;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Capacity snapshots in memory.</summary>
internal sealed class FakeSnapshots : ICapacitySnapshots
{
    public List<NodegroupSnapshot> Stored { get; } = [];

    public Task<IReadOnlyList<NodegroupSnapshot>> ReadAsync(
        string region,
        string cluster,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodegroupSnapshot>>(
            [.. Stored.Where(s => s.Region == region && s.Cluster == cluster)]);

    public Task<int> WriteAsync(
        IReadOnlyList<NodegroupSnapshot> snapshots,
        TimeSpan keepFor,
        CancellationToken cancellationToken)
    {
        Stored.AddRange(snapshots);
        return Task.FromResult(snapshots.Count);
    }
}
