namespace DialControl.Functions.Quotas;

/// <summary>The wire names of <see cref="QuotaLevel"/>: what events, logs and the level store carry.</summary>
internal static class QuotaLevelNames
{
    /// <summary>The upper-case name: <c>OK</c>, <c>WARNING</c> or <c>EXHAUSTED</c>.</summary>
    public static string ToWire(this QuotaLevel level) => level switch
    {
        QuotaLevel.Ok => "OK",
        QuotaLevel.Warning => "WARNING",
        QuotaLevel.Exhausted => "EXHAUSTED",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown quota level"),
    };

    /// <summary>Reads a wire name; false for anything else.</summary>
    public static bool TryParse(string? text, out QuotaLevel level)
    {
        switch (text)
        {
            case "OK":
                level = QuotaLevel.Ok;
                return true;
            case "WARNING":
                level = QuotaLevel.Warning;
                return true;
            case "EXHAUSTED":
                level = QuotaLevel.Exhausted;
                return true;
            default:
                level = QuotaLevel.Ok;
                return false;
        }
    }
}
