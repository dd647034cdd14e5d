namespace DialControl.Functions.Quotas;

/// <summary>
/// The minutes a run reads: whole minutes ending at the last full minute before now, so a minute
/// still being filled does not look like a drop in traffic.
/// </summary>
/// <param name="Start">The first minute (inclusive).</param>
/// <param name="End">The end (exclusive), a whole minute.</param>
internal sealed record UsageWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The period of every query: one minute, the unit of the quotas.</summary>
    public const int PeriodSeconds = 60;

    /// <summary>The window of <paramref name="minutes"/> whole minutes before <paramref name="now"/>.</summary>
    public static UsageWindow EndingAt(DateTimeOffset now, int minutes)
    {
        var utc = now.ToUniversalTime();
        var end = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        return new UsageWindow(end.AddMinutes(-minutes), end);
    }
}
