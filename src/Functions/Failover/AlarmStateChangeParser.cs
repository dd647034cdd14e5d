using System.Globalization;
using System.Text.Json;

namespace DialControl.Functions.Failover;

/// <summary>
/// Reads the two shapes a CloudWatch alarm state change reaches a function in: the EventBridge event
/// (<c>detail-type</c> "CloudWatch Alarm State Change", fields under <c>detail</c>) and the payload of
/// an alarm action that invokes the function directly (<c>alarmArn</c>, fields under <c>alarmData</c>).
/// </summary>
internal static class AlarmStateChangeParser
{
    private const string EventBridgeDetailType = "CloudWatch Alarm State Change";

    /// <summary>The state change, or null with <paramref name="why"/> saying what the payload lacks.</summary>
    public static AlarmStateChange? TryParse(ReadOnlyMemory<byte> payload, out string why)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            why = $"the payload is not JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                why = "the payload is not a JSON object";
                return null;
            }

            if (Text(root, "detail-type") == EventBridgeDetailType && root.TryGetProperty("detail", out var detail))
            {
                return FromAlarm(detail, "eventbridge", out why);
            }

            if (root.TryGetProperty("alarmArn", out _) && root.TryGetProperty("alarmData", out var data))
            {
                return FromAlarm(data, "alarm-action", out why);
            }

            why = $"the payload is neither an EventBridge '{EventBridgeDetailType}' event nor an alarm action " +
                $"payload (detail-type '{Text(root, "detail-type") ?? "none"}', " +
                $"source '{Text(root, "source") ?? "none"}')";
            return null;
        }
    }

    private static AlarmStateChange? FromAlarm(JsonElement alarm, string shape, out string why)
    {
        var name = Text(alarm, "alarmName");
        var state = alarm.ValueKind == JsonValueKind.Object && alarm.TryGetProperty("state", out var s) ? s : default;
        var value = Text(state, "value");
        var time = ParseTime(Text(state, "timestamp"));
        if (name is null || value is null || time is null)
        {
            why = $"the {shape} payload lacks alarmName, state.value or a valid state.timestamp " +
                $"(saw '{name ?? "none"}', '{value ?? "none"}', '{Text(state, "timestamp") ?? "none"}')";
            return null;
        }

        why = string.Empty;
        return new AlarmStateChange(name, value, time.Value, Text(state, "reason") ?? string.Empty, shape);
    }

    /// <summary>
    /// CloudWatch writes timestamps like <c>2024-05-01T10:15:00.123+0000</c>, an offset without a colon.
    /// </summary>
    private static DateTimeOffset? ParseTime(string? text)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (text is null)
        {
            return null;
        }

        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1])
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
