namespace DialControl.Functions.Failover;

/// <summary>A node group's sizes as the CapacityRecorder of its region last saw them.</summary>
/// <param name="Region">The region of the node group.</param>
/// <param name="Cluster">Its cluster.</param>
/// <param name="Nodegroup">Its name.</param>
/// <param name="DesiredSize">Desired size, in nodes.</param>
/// <param name="MinSize">Minimum size, in nodes.</param>
/// <param name="MaxSize">Maximum size, in nodes.</param>
/// <param name="Status">The EKS status, for example ACTIVE.</param>
/// <param name="RecordedAt">When it was read.</param>
internal sealed record NodegroupSnapshot(
    string Region,
    string Cluster,
    string Nodegroup,
    int DesiredSize,
    int MinSize,
    int MaxSize,
    string Status,
    DateTimeOffset RecordedAt);
