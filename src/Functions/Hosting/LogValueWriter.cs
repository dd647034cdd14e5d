using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Writes the value of a log field as JSON without reflection: numbers, booleans and strings as
/// themselves, times in ISO-8601 UTC, lists as arrays, dictionaries as objects (their sensitive keys
/// redacted too), anything else as its invariant text.
/// </summary>
internal static class LogValueWriter
{
    private const int MaxDepth = 3;

    /// <summary>Writes <paramref name="name"/> and its value, or <see cref="LogRedaction.Redacted"/>.</summary>
    public static void WriteField(Utf8JsonWriter json, string name, object? value, int depth = 0)
    {
        json.WritePropertyName(name);
        if (LogRedaction.IsSensitive(name))
        {
            json.WriteStringValue(LogRedaction.Redacted);
            return;
        }

        WriteValue(json, value, depth);
    }

    /// <summary>The time format of every log line and field: ISO-8601, UTC, milliseconds.</summary>
    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteValue(Utf8JsonWriter json, object? value, int depth)
    {
        if (WriteScalar(json, value))
        {
            return;
        }

        switch (value)
        {
            case IDictionary dictionary when depth < MaxDepth:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    WriteField(json, key, entry.Value, depth + 1);
                }

                json.WriteEndObject();
                return;
            case IEnumerable items when depth < MaxDepth:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item, depth + 1);
                }

                json.WriteEndArray();
                return;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                json.WriteStringValue(value!.ToString());
                return;
        }
    }

    private static bool WriteScalar(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); return true;
            case string text: json.WriteStringValue(text); return true;
            case bool flag: json.WriteBooleanValue(flag); return true;
            case int number: json.WriteNumberValue(number); return true;
            case long number: json.WriteNumberValue(number); return true;
            case short number: json.WriteNumberValue(number); return true;
            case byte number: json.WriteNumberValue(number); return true;
            case uint number: json.WriteNumberValue(number); return true;
            case ulong number: json.WriteNumberValue(number); return true;
            case decimal number: json.WriteNumberValue(number); return true;
            case double number when double.IsFinite(number): json.WriteNumberValue(number); return true;
            case float number when float.IsFinite(number): json.WriteNumberValue(number); return true;
            case DateTimeOffset time: json.WriteStringValue(Iso8601(time)); return true;
            case DateTime time: json.WriteStringValue(Iso8601(new DateTimeOffset(time.ToUniversalTime()))); return true;
            case TimeSpan span: json.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture)); return true;
            case Enum or Guid: json.WriteStringValue(value.ToString()); return true;
            default: return false;
        }
    }
}
