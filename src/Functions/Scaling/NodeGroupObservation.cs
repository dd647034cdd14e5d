using DialControl.Aws.Eks;

namespace DialControl.Functions.Scaling;

/// <summary>A node group as DescribeNodegroup reported it: what the decision reads.</summary>
/// <param name="Status">ACTIVE, UPDATING, DEGRADED, ...</param>
/// <param name="MinSize">scalingConfig.minSize.</param>
/// <param name="MaxSize">scalingConfig.maxSize.</param>
/// <param name="DesiredSize">scalingConfig.desiredSize.</param>
/// <param name="ModifiedAt">modifiedAt (else createdAt): the cooldown counts from it.</param>
internal sealed record NodeGroupObservation(
    string Status,
    int? MinSize,
    int? MaxSize,
    int? DesiredSize,
    DateTimeOffset? ModifiedAt)
{
    /// <summary>The observation of <paramref name="nodegroup"/>.</summary>
    public static NodeGroupObservation From(Nodegroup nodegroup)
    {
        ArgumentNullException.ThrowIfNull(nodegroup);
        var sizes = nodegroup.ScalingConfig;
        return new NodeGroupObservation(
            nodegroup.Status ?? "UNKNOWN",
            sizes?.MinSize,
            sizes?.MaxSize,
            sizes?.DesiredSize,
            nodegroup.ModifiedAt ?? nodegroup.CreatedAt);
    }
}
