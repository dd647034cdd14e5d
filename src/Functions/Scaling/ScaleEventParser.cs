using System.Text.Json;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Tells the three payloads the function accepts apart and reads what the decision needs from them. It
/// never throws: anything else becomes a <see cref="RejectedTrigger"/> that says what was wrong.
/// </summary>
internal static class ScaleEventParser
{
    /// <summary>EventBridge detail-type of an alarm state change.</summary>
    public const string AlarmStateChangeType = "CloudWatch Alarm State Change";

    /// <summary>EventBridge detail-type of a schedule rule's event.</summary>
    public const string ScheduledEventType = "Scheduled Event";

    private const string CloudWatchSource = "aws.cloudwatch";

    private const string EventsSource = "aws.events";

    private const string Accepted = "accepted: an EventBridge \"CloudWatch Alarm State Change\" event, a " +
        "CloudWatch alarm action payload (source aws.cloudwatch with alarmData) or an EventBridge " +
        "\"Scheduled Event\"";

    /// <summary>Reads <paramref name="payload"/>.</summary>
    public static ScaleTrigger Parse(ReadOnlyMemory<byte> payload)
    {
        if (payload.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Reject("unknown", null, "empty-payload", $"the payload is empty; {Accepted}");
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return Classify(document.RootElement);
        }
        catch (JsonException ex)
        {
            return Reject("unknown", null, "malformed-json", $"the payload is not valid JSON (line " +
                $"{ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); {Accepted}");
        }
        catch (InvalidOperationException)
        {
            // The parser accepts a lone surrogate escape or bytes that are not UTF-8 inside a string;
            // reading that string as .NET text throws, and bad input must end in a skip, not a crash.
            return Reject("unknown", null, "malformed-json", "the payload has a string that is not valid UTF-8 " +
                $"or UTF-16 (such as a lone surrogate escape); {Accepted}");
        }
    }

    private static ScaleTrigger Classify(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Reject("unknown", null, "not-an-object",
                $"the payload is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object; {Accepted}");
        }

        var source = Text(root, "source");
        var detailType = Text(root, "detail-type");
        if (root.TryGetProperty("alarmData", out var alarmData))
        {
            return source == CloudWatchSource
                ? ParseAlarm(alarmData, "alarmData", "alarm-action", eventId: null, Text(root, "time"))
                : Unsupported(source, detailType);
        }

        return (detailType, source) switch
        {
            (AlarmStateChangeType, CloudWatchSource) when root.TryGetProperty("detail", out var detail) =>
                ParseAlarm(detail, "detail", "eventbridge", Text(root, "id"), Text(root, "time")),
            (AlarmStateChangeType, CloudWatchSource) => Reject("eventbridge", null, "missing-field",
                $"detail is missing from the alarm state change event; nothing changed"),
            (ScheduledEventType, EventsSource) => ParseSchedule(root),
            _ => Unsupported(source, detailType),
        };
    }

    private static ScaleTrigger ParseAlarm(JsonElement alarm, string at, string trigger, string? eventId,
        string? eventTime)
    {
        if (alarm.ValueKind != JsonValueKind.Object)
        {
            return Reject(trigger, null, "missing-field", $"{at} is not an object; nothing changed");
        }

        if (Text(alarm, "alarmName") is not { Length: > 0 } name)
        {
            return Reject(trigger, null, "missing-field", $"{at}.alarmName is missing or not text; nothing changed");
        }

        if (!alarm.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.Object ||
            Text(state, "value") is not { } value)
        {
            return Reject(trigger, name, "missing-field",
                $"{at}.state.value is missing or not text for alarm {name}; nothing changed");
        }

        if (!AlarmStates.IsKnown(value))
        {
            return Reject(trigger, name, "unknown-state", $"{at}.state.value is \"{value}\" for alarm {name}; " +
                "allowed: ALARM, OK or INSUFFICIENT_DATA; nothing changed");
        }

        return Identify(alarm, state, at, trigger, name, value, eventId, eventTime);
    }

    private static ScaleTrigger Identify(JsonElement alarm, JsonElement state, string at, string trigger,
        string name, string value, string? eventId, string? eventTime)
    {
        var stateTimestamp = Text(state, "timestamp");
        string key;
        DateTimeOffset when;
        if (stateTimestamp is not null)
        {
            if (!AlarmTimestamp.TryParse(stateTimestamp, out when))
            {
                return Reject(trigger, name, "bad-timestamp", $"{at}.state.timestamp \"{stateTimestamp}\" of alarm " +
                    $"{name} is not a timestamp such as 2019-10-02T17:04:40.989+0000; nothing changed");
            }

            key = $"alarm|{name}|{AlarmTimestamp.Format(when)}";
        }
        else if (eventId is { Length: > 0 } && AlarmTimestamp.TryParse(eventTime, out when))
        {
            key = $"event|{eventId}";
        }
        else
        {
            return Reject(trigger, name, "missing-field", $"{at}.state.timestamp is missing for alarm {name}; " +
                "without it a redelivery cannot be told from a new state change, so nothing changed");
        }

        var previous = alarm.TryGetProperty("previousState", out var prior) ? Text(prior, "value") : null;
        var change = new AlarmStateChange(trigger, key, name, AlarmTypeOf(alarm), value, previous, when,
            ReasonData(state));
        return new AlarmTrigger(change);
    }

    private static ScaleTrigger ParseSchedule(JsonElement root) =>
        Text(root, "id") is { Length: > 0 } id
            ? new ScheduleTrigger(id)
            : Reject("schedule", null, "missing-field",
                "id is missing from the scheduled event; it is the duplicate-delivery key, so nothing changed");

    /// <summary>metric, metric-math (an expression instead of one metric) or composite (an alarm rule).</summary>
    private static string AlarmTypeOf(JsonElement alarm)
    {
        if (!alarm.TryGetProperty("configuration", out var configuration) ||
            configuration.ValueKind != JsonValueKind.Object)
        {
            return "unknown";
        }

        if (configuration.TryGetProperty("alarmRule", out _))
        {
            return "composite";
        }

        if (!configuration.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            return "unknown";
        }

        var entries = metrics.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).ToList();
        return entries.Any(m => m.TryGetProperty("expression", out _)) ? "metric-math"
            : entries.Any(m => m.TryGetProperty("metricStat", out _)) ? "metric"
            : "unknown";
    }

    /// <summary>reasonData is JSON inside a string; an object (a hand-made test event) is taken as it is.</summary>
    private static string? ReasonData(JsonElement state) =>
        !state.TryGetProperty("reasonData", out var data) ? null
        : data.ValueKind == JsonValueKind.String ? data.GetString()
        : data.ValueKind == JsonValueKind.Object ? data.GetRawText()
        : null;

    private static RejectedTrigger Unsupported(string? source, string? detailType) =>
        Reject("unknown", null, "unsupported-event", $"the event (source {ScalePolicyParser.Quote(source)}, " +
            $"detail-type {ScalePolicyParser.Quote(detailType)}) is not one this function handles; {Accepted}");

    private static RejectedTrigger Reject(string trigger, string? alarm, string code, string reason) =>
        new(trigger, alarm, code, reason);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
