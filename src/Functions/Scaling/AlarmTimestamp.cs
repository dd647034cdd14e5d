using System.Globalization;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Alarm timestamps as CloudWatch writes them (<c>2019-10-02T17:04:40.989+0000</c>: an offset without a
/// colon, which ISO 8601 parsers reject) and as EventBridge writes them (<c>2019-10-02T17:04:40Z</c>).
/// </summary>
internal static class AlarmTimestamp
{
    /// <summary>Parses either form; false for anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalised = text.Trim();
        if (normalised.Length > 5 && normalised[^5] is '+' or '-' && normalised[^4..].All(char.IsAsciiDigit))
        {
            var cut = normalised.Length - 2;
            normalised = string.Concat(normalised.AsSpan(0, cut), ":", normalised.AsSpan(cut));
        }

        return DateTimeOffset.TryParse(
            normalised,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    /// <summary>UTC with milliseconds, the form keys and log lines use.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>UTC to the second, for messages.</summary>
    public static string Short(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
