namespace DialControl.Functions.Scaling;

/// <summary>
/// One entry of SCALE_POLICIES: which alarm scales which node group, in which direction, by how much,
/// how often and within which bound.
/// </summary>
/// <param name="Alarm">The CloudWatch alarm name (metric, metric-math or composite alarm).</param>
/// <param name="NodeGroup">The EKS managed node group in the configured cluster.</param>
/// <param name="Direction">Out (add nodes) or in (remove one node).</param>
/// <param name="AlarmWhen">Which side of the threshold the alarm breaches on, for the breach size.</param>
/// <param name="Steps">Scale-out step adjustments, ordered and contiguous; empty for scale-in.</param>
/// <param name="Cooldown">No change while the node group's modifiedAt is younger than this.</param>
/// <param name="Max">Scale-out ceiling besides the node group's maxSize; null for none.</param>
/// <param name="Min">Scale-in floor besides the node group's minSize; null for none.</param>
internal sealed record ScalePolicy(
    string Alarm,
    string NodeGroup,
    ScaleDirection Direction,
    AlarmSide AlarmWhen,
    IReadOnlyList<ScaleStep> Steps,
    TimeSpan Cooldown,
    int? Max,
    int? Min)
{
    /// <summary>The default scale-out cooldown (as Application Auto Scaling's default of 300 s).</summary>
    public static readonly TimeSpan DefaultOutCooldown = TimeSpan.FromSeconds(300);

    /// <summary>The default scale-in cooldown: Cluster Autoscaler's 10-minute scale-down delay.</summary>
    public static readonly TimeSpan DefaultInCooldown = TimeSpan.FromSeconds(600);

    /// <summary>The default scale-out steps: one node whatever the breach.</summary>
    public static readonly IReadOnlyList<ScaleStep> DefaultSteps = [new ScaleStep(0, null, 1)];

    /// <summary>The step used when the breach size is unknown: the one that adds the fewest nodes.</summary>
    public ScaleStep SmallestStep => Steps.MinBy(step => step.Add) ?? DefaultSteps[0];

    /// <summary>"out" or "in", as the settings and log lines spell it.</summary>
    public string DirectionName => Direction == ScaleDirection.Out ? "out" : "in";
}
