namespace DialControl.Functions.Scaling;

/// <summary>How a claim ended.</summary>
internal enum ClaimStatus
{
    /// <summary>Both the event record and the node group lock were written.</summary>
    Claimed,

    /// <summary>The event already has a record: this is a redelivery.</summary>
    Duplicate,

    /// <summary>Another event holds the node group's lock.</summary>
    Locked,
}
