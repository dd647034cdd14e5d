namespace DialControl.Functions.Scaling;

/// <summary>An event record as stored: what the first delivery of the event set out to do.</summary>
/// <param name="FromDesiredSize">The desired size it observed.</param>
/// <param name="TargetDesiredSize">The desired size it set.</param>
/// <param name="ClientRequestToken">The EKS token it used.</param>
/// <param name="ClaimedAt">When it claimed the event.</param>
internal sealed record ScaleClaimRecord(
    int FromDesiredSize,
    int TargetDesiredSize,
    string ClientRequestToken,
    DateTimeOffset ClaimedAt);
