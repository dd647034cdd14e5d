namespace DialControl.Functions.Scaling;

/// <summary>What a decision does to the node group.</summary>
internal enum ScaleDecisionKind
{
    /// <summary>Nothing; the reason says why.</summary>
    Skip,

    /// <summary>Raise the desired size.</summary>
    Out,

    /// <summary>Lower the desired size by one.</summary>
    In,
}
