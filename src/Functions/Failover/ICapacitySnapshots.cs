namespace DialControl.Functions.Failover;

/// <summary>The node group sizes a region's CapacityRecorder keeps in its peer's state table.</summary>
internal interface ICapacitySnapshots
{
    /// <summary>The unexpired snapshots of <paramref name="cluster"/> in <paramref name="region"/>.</summary>
    Task<IReadOnlyList<NodegroupSnapshot>> ReadAsync(
        string region,
        string cluster,
        CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="snapshots"/>, each kept for <paramref name="keepFor"/>; a stored snapshot
    /// newer than the one written is left in place. Returns how many were written.
    /// </summary>
    Task<int> WriteAsync(
        IReadOnlyList<NodegroupSnapshot> snapshots,
        TimeSpan keepFor,
        CancellationToken cancellationToken);
}
