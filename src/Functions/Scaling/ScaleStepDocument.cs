namespace DialControl.Functions.Scaling;

/// <summary>One step of a SCALE_POLICIES entry as written in the setting, before validation.</summary>
internal sealed class ScaleStepDocument
{
    /// <summary>Inclusive lower bound of the breach (metric units above or below the threshold).</summary>
    public double? LowerBound { get; set; }

    /// <summary>Exclusive upper bound; absent on the last step.</summary>
    public double? UpperBound { get; set; }

    /// <summary>Nodes to add.</summary>
    public int? Add { get; set; }
}
