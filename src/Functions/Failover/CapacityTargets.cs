namespace DialControl.Functions.Failover;

/// <summary>
/// How big each standby node group must become: the larger of its configured production size and the
/// last recorded desired size of the matching primary node group. The recording covers growth since
/// the configuration was written; the configuration covers a primary that was small, shrinking or
/// never recorded (it may be unreachable by the time a failover runs).
/// </summary>
internal static class CapacityTargets
{
    /// <summary>The target desired size, in nodes.</summary>
    public static int Target(int productionSize, int? recordedSize) => Math.Max(productionSize, recordedSize ?? 0);

    /// <summary>
    /// The recorded primary node group matching <paramref name="group"/>: the one named by its
    /// mapping (<c>standby:primary=size</c>), which defaults to the same name. Null when none was recorded.
    /// </summary>
    public static NodegroupSnapshot? Match(StandbyNodegroup group, IEnumerable<NodegroupSnapshot> recorded) =>
        recorded.FirstOrDefault(s => string.Equals(s.Nodegroup, group.PrimaryName, StringComparison.Ordinal));

    /// <summary>
    /// The max size the node group needs: its own when the target fits, else the target (EKS refuses
    /// a desired size above the max size).
    /// </summary>
    public static int MaxSizeFor(int targetSize, int currentMaxSize) => Math.Max(targetSize, currentMaxSize);
}
