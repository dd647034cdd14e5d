namespace DialControl.Functions.Scaling;

/// <summary>Which way a scale policy moves its node group.</summary>
internal enum ScaleDirection
{
    /// <summary>Adds nodes, by step adjustments sized from the breach.</summary>
    Out,

    /// <summary>Removes one node at a time, only when SCALE_IN_ENABLED is true.</summary>
    In,
}
