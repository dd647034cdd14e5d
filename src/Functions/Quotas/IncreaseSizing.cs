namespace DialControl.Functions.Quotas;

/// <summary>The size of an increase and whether it may be requested.</summary>
/// <param name="Verdict">What the sizing allows.</param>
/// <param name="Wanted">ceil(peak / target), before the cap.</param>
/// <param name="Desired">The value to request: <paramref name="Wanted"/>, or the cap when it is lower.</param>
internal sealed record IncreaseSizing(IncreaseVerdict Verdict, double Wanted, double Desired)
{
    /// <summary>Whether a request for <see cref="Desired"/> may be made.</summary>
    public bool MayRequest => Verdict is IncreaseVerdict.Request or IncreaseVerdict.Capped;
}
