namespace DialControl.Functions.Failover;

/// <summary>
/// A node group of this region's (standby) cluster that a failover activates.
/// </summary>
/// <param name="Name">The standby node group's name in this region's cluster.</param>
/// <param name="PrimaryName">
/// The matching node group in the peer (primary) cluster, whose recorded size also counts; the same
/// name unless the setting maps it (<c>standby:primary=size</c>).
/// </param>
/// <param name="ProductionSize">The desired size it needs to carry production load, in nodes.</param>
internal sealed record StandbyNodegroup(string Name, string PrimaryName, int ProductionSize);
