namespace DialControl.Functions.Scaling;

/// <summary>
/// One SCALE_POLICIES entry as written in the setting, before validation. Every member is optional here
/// so that the validator can name each missing or bad field instead of failing on the first.
/// </summary>
internal sealed class ScalePolicyDocument
{
    /// <summary>The CloudWatch alarm name.</summary>
    public string? Alarm { get; set; }

    /// <summary>The EKS node group name.</summary>
    public string? Nodegroup { get; set; }

    /// <summary>"out" or "in".</summary>
    public string? Direction { get; set; }

    /// <summary>"above" or "below"; default "above" for out, "below" for in.</summary>
    public string? AlarmWhen { get; set; }

    /// <summary>Scale-out steps; default one step adding one node.</summary>
    public List<ScaleStepDocument>? Steps { get; set; }

    /// <summary>Seconds; default 300 for out, 600 for in.</summary>
    public int? CooldownSeconds { get; set; }

    /// <summary>Scale-out ceiling (nodes).</summary>
    public int? Max { get; set; }

    /// <summary>Scale-in floor (nodes).</summary>
    public int? Min { get; set; }
}
