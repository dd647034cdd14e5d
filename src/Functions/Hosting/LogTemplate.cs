using System.Collections;
using System.Globalization;
using System.Text;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Renders a message template (<c>"Scaled {NodeGroup} to {DesiredSize}"</c>) with its values, hiding
/// sensitive ones. The logger renders the message itself instead of asking the formatter, because
/// the formatter would print a secret that the fields hide.
/// </summary>
internal static class LogTemplate
{
    /// <summary>The key Microsoft.Extensions.Logging gives the template among the state's values.</summary>
    public const string FormatKey = "{OriginalFormat}";

    /// <summary>The text of <paramref name="format"/> with each hole replaced by its value.</summary>
    public static string Render(string format, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var text = new StringBuilder(format.Length + 32);
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i += 2;
                continue;
            }

            var end = c == '{' ? format.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                text.Append(c);
                i++;
                continue;
            }

            text.Append(Hole(format[(i + 1)..end], values));
            i = end + 1;
        }

        return text.ToString();
    }

    private static string Hole(string hole, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var cut = hole.IndexOfAny([',', ':']);
        var name = cut < 0 ? hole : hole[..cut];
        var format = cut >= 0 && hole[cut] == ':' ? hole[(cut + 1)..] : null;
        if (LogRedaction.IsSensitive(name))
        {
            return LogRedaction.Redacted;
        }

        foreach (var (key, value) in values)
        {
            if (key == name)
            {
                return Describe(value, format);
            }
        }

        return "{" + hole + "}";
    }

    private static string Describe(object? value, string? format) => value switch
    {
        null => "(null)",
        string text => text,
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        IDictionary dictionary => "{" + string.Join(", ", Entries(dictionary)) + "}",
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(item => Describe(item, format))),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<string> Entries(IDictionary dictionary)
    {
        // IDictionary's own enumerator yields DictionaryEntry; the generic one behind it yields pairs.
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var value = LogRedaction.IsSensitive(key) ? LogRedaction.Redacted : Describe(entry.Value, null);
            yield return $"{key}={value}";
        }
    }
}
