namespace DialControl.Functions.Scaling;

/// <summary>What one event is about to do to one node group, written before the EKS call.</summary>
/// <param name="EventKey">The duplicate-delivery key of the triggering event.</param>
/// <param name="Cluster">The EKS cluster.</param>
/// <param name="NodeGroup">The node group.</param>
/// <param name="Alarm">The alarm that asked for the change.</param>
/// <param name="FromDesiredSize">The desired size observed before the change.</param>
/// <param name="TargetDesiredSize">The desired size the change sets.</param>
/// <param name="ClientRequestToken">The EKS idempotency token, derived from the event key.</param>
/// <param name="ClaimedAt">When the claim was made (the function's clock).</param>
/// <param name="LockLease">How long the node group lock keeps other events away.</param>
internal sealed record ScaleClaim(
    string EventKey,
    string Cluster,
    string NodeGroup,
    string Alarm,
    int FromDesiredSize,
    int TargetDesiredSize,
    string ClientRequestToken,
    DateTimeOffset ClaimedAt,
    TimeSpan LockLease);
