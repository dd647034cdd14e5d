namespace DialControl.Functions.Scaling;

/// <summary>
/// How far an alarm's datapoints went past its threshold, in the metric's unit, or why that is unknown
/// (then the smallest step applies).
/// </summary>
/// <param name="Size">The breach, at least 0; null when unknown.</param>
/// <param name="Explanation">Where the size came from, or why there is none.</param>
internal sealed record Breach(double? Size, string Explanation)
{
    /// <summary>A breach of unknown size.</summary>
    public static Breach Unknown(string explanation) => new(null, explanation);
}
