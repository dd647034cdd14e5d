using System.Globalization;

namespace DialControl.Functions.Scaling;

/// <summary>
/// One step adjustment, as in Application Auto Scaling step scaling: a breach in
/// [<paramref name="LowerBound"/>, <paramref name="UpperBound"/>) adds <paramref name="Add"/> nodes.
/// Bounds are absolute distances from the alarm threshold, in the alarm metric's unit.
/// </summary>
/// <param name="LowerBound">Inclusive lower bound of the breach, at least 0.</param>
/// <param name="UpperBound">Exclusive upper bound; null means no upper bound.</param>
/// <param name="Add">Nodes to add, 1 to 100.</param>
internal sealed record ScaleStep(double LowerBound, double? UpperBound, int Add)
{
    /// <summary>Whether <paramref name="breach"/> falls in this step.</summary>
    public bool Contains(double breach) => breach >= LowerBound && (UpperBound is not { } upper || breach < upper);

    /// <summary>The step's range as an on-call engineer reads it, for example <c>[0, 20)</c>.</summary>
    public string Range =>
        $"[{Number(LowerBound)}, {(UpperBound is { } upper ? Number(upper) : "no upper bound")})";

    /// <summary>A number the way log lines and messages show it: invariant, at most three decimals.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
