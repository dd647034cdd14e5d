namespace DialControl.Functions.Scaling;

/// <summary>The outcome of <see cref="ScaleDecider"/>: out by N, in by 1, or skip, always with a reason.</summary>
/// <param name="Kind">Out, in or skip.</param>
/// <param name="Delta">Nodes added (positive) or removed (negative); 0 for a skip.</param>
/// <param name="NewDesiredSize">The desired size to set; null for a skip.</param>
/// <param name="ReasonCode">A stable code for dashboards and tests, for example <c>cooldown</c>.</param>
/// <param name="Reason">What was observed, the limit, and what is done.</param>
internal sealed record ScaleDecision(
    ScaleDecisionKind Kind,
    int Delta,
    int? NewDesiredSize,
    string ReasonCode,
    string Reason)
{
    /// <summary>A decision to change nothing.</summary>
    public static ScaleDecision Skip(string reasonCode, string reason) =>
        new(ScaleDecisionKind.Skip, 0, null, reasonCode, reason);

    /// <summary>"out", "in" or "skip", as the log line and the metric dimension spell it.</summary>
    public string Name => Kind switch
    {
        ScaleDecisionKind.Out => "out",
        ScaleDecisionKind.In => "in",
        _ => "skip",
    };
}
