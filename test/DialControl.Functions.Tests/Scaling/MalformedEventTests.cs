using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>
/// Payloads the function must not act on. Each ends in one Warning decision line that says what was wrong,
/// a normal return, and no AWS call at all (so certainly no mutating one).
/// </summary>
public sealed class MalformedEventTests
{
    private const string Accepted = "accepted: an EventBridge \"CloudWatch Alarm State Change\" event, a CloudWatch " +
        "alarm action payload (source aws.cloudwatch with alarmData) or an EventBridge \"Scheduled Event\"";

    private static readonly DateTimeOffset Now = ScalingHarness.Start.AddSeconds(-10);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>
        {
            { "empty", "", "empty-payload", $"the payload is empty; {Accepted}" },
            { "blank", " \r\n\t ", "empty-payload", $"the payload is empty; {Accepted}" },
            { "truncated", "{", "malformed-json", $"the payload is not valid JSON (line 1, byte 2); {Accepted}" },
            { "text", "not json", "malformed-json", $"the payload is not valid JSON (line 1, byte 2); {Accepted}" },
            { "trailing", "{}x", "malformed-json", $"the payload is not valid JSON (line 1, byte 3); {Accepted}" },
            { "too deep", new string('[', 100) + new string(']', 100), "malformed-json",
                $"the payload is not valid JSON (line 1, byte 65); {Accepted}" },
            { "array", "[]", "not-an-object", $"the payload is a JSON array, not an object; {Accepted}" },
            { "number", "42", "not-an-object", $"the payload is a JSON number, not an object; {Accepted}" },
            { "null", "null", "not-an-object", $"the payload is a JSON null, not an object; {Accepted}" },
            { "empty object", "{}", "unsupported-event", Unsupported("missing", "missing") },
            { "ec2 event", Envelope("aws.ec2", "EC2 Instance State-change Notification"), "unsupported-event",
                Unsupported("\"aws.ec2\"", "\"EC2 Instance State-change Notification\"") },
            { "alarm change from other source", Envelope("aws.ec2", "CloudWatch Alarm State Change"),
                "unsupported-event", Unsupported("\"aws.ec2\"", "\"CloudWatch Alarm State Change\"") },
            { "configuration change", Envelope("aws.cloudwatch", "CloudWatch Alarm Configuration Change"),
                "unsupported-event", Unsupported("\"aws.cloudwatch\"", "\"CloudWatch Alarm Configuration Change\"") },
            { "sns wrapped", "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"{}\"}}]}",
                "unsupported-event", Unsupported("missing", "missing") },
            { "no detail", Without(Bridge(), "detail"), "missing-field",
                "detail is missing from the alarm state change event; nothing changed" },
            { "detail text", With(Bridge(), "detail", "ALARM"), "missing-field", "detail is not an object; nothing changed" },
            { "no alarm name", Without(Bridge(), "detail", "alarmName"), "missing-field",
                "detail.alarmName is missing or not text; nothing changed" },
            { "numeric alarm name", With(Bridge(), "detail", "alarmName", 7), "missing-field",
                "detail.alarmName is missing or not text; nothing changed" },
            { "no state", Without(Bridge(), "detail", "state"), "missing-field", NoState("detail") },
            { "no state value", Without(Bridge(), "detail", "state", "value"), "missing-field", NoState("detail") },
            { "numeric state value", With(Bridge(), "detail", "state", "value", 1), "missing-field", NoState("detail") },
            { "unknown state", With(Bridge(), "detail", "state", "value", "BROKEN"), "unknown-state",
                "detail.state.value is \"BROKEN\" for alarm dial-core-cpu-high; allowed: ALARM, OK or " +
                "INSUFFICIENT_DATA; nothing changed" },
            { "bad timestamp", With(Bridge(), "detail", "state", "timestamp", "yesterday"), "bad-timestamp",
                "detail.state.timestamp \"yesterday\" of alarm dial-core-cpu-high is not a timestamp such as " +
                "2019-10-02T17:04:40.989+0000; nothing changed" },
            { "no timestamp nor id", Without(Without(Bridge(), "id"), "detail", "state", "timestamp"), "missing-field",
                NoTimestamp("detail") },
            { "action without timestamp", Without(Action(), "alarmData", "state", "timestamp"), "missing-field",
                NoTimestamp("alarmData") },
            { "action from sns", With(Action(), "source", "aws.sns"), "unsupported-event",
                Unsupported("\"aws.sns\"", "missing") },
            { "action data array", With(Action(), "alarmData", new JsonArray()), "missing-field",
                "alarmData is not an object; nothing changed" },
            { "schedule without id", Without(Schedule(), "id"), "missing-field",
                "id is missing from the scheduled event; it is the duplicate-delivery key, so nothing changed" },
            { "schedule from cloudwatch", With(Schedule(), "source", "aws.cloudwatch"), "unsupported-event",
                Unsupported("\"aws.cloudwatch\"", "\"Scheduled Event\"") },
            { "unknown alarm", AlarmEvents.EventBridge("dial-gpu-high", "ALARM", Now, null), "unknown-alarm",
                "alarm dial-gpu-high is not in SCALE_POLICIES (configured: dial-core-cpu-high, dial-core-memory-high, " +
                "dial-core-composite, dial-core-cpu-low); nothing changed" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InvokeAsync_MalformedOrUnexpected_LogsClearSkipAndCallsNothing(string name, string payload,
        string code, string reason)
    {
        var harness = ScalingHarness.Create();

        var decision = await harness.DecideAsync(payload);

        Assert.Empty(harness.Calls.Calls);
        Assert.Equal(("skip", code, reason), ((string)decision["decision"]!, (string)decision["reasonCode"]!,
            (string)decision["reason"]!));
        var line = Assert.Single(harness.Decisions);
        Assert.Equal((LogLevel.Warning, reason), (line.Level, line.State["reason"]));
        Assert.Equal(("ScaleDecision", "skip"), (harness.Metrics.Points.Single().Name,
            harness.Metrics.Points.Single().Dimensions["Decision"]));
        Assert.False(string.IsNullOrEmpty(name));
    }

    private static string Unsupported(string source, string detailType) =>
        $"the event (source {source}, detail-type {detailType}) is not one this function handles; {Accepted}";

    private static string NoState(string at) =>
        $"{at}.state.value is missing or not text for alarm dial-core-cpu-high; nothing changed";

    private static string NoTimestamp(string at) =>
        $"{at}.state.timestamp is missing for alarm dial-core-cpu-high; without it a redelivery cannot be told from " +
        "a new state change, so nothing changed";

    private static string Envelope(string source, string detailType) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = "7bf73129-1428-4cd3-a780-95db273d1602",
        ["detail-type"] = detailType,
        ["source"] = source,
        ["time"] = "2025-03-01T11:59:50Z",
        ["detail"] = new JsonObject { ["alarmName"] = "dial-core-cpu-high" },
    }.ToJsonString();

    private static string Bridge() => AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM", Now,
        AlarmEvents.ReasonData(Now, 80, 95));

    private static string Action() => AlarmEvents.AlarmAction("dial-core-cpu-high", "ALARM", Now,
        AlarmEvents.ReasonData(Now, 80, 95));

    private static string Schedule() => AlarmEvents.Schedule("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", Now);

    private static string Without(string json, params string[] path)
    {
        var root = JsonNode.Parse(json)!;
        var parent = path[..^1].Aggregate(root, (node, name) => node[name]!);
        parent.AsObject().Remove(path[^1]);
        return root.ToJsonString();
    }

    private static string With(string json, params object[] pathAndValue)
    {
        var root = JsonNode.Parse(json)!;
        var path = pathAndValue[..^1].Cast<string>().ToArray();
        var parent = path[..^1].Aggregate(root, (node, name) => node[name]!);
        parent[path[^1]] = pathAndValue[^1] switch
        {
            JsonNode node => node,
            string text => JsonValue.Create(text),
            int number => JsonValue.Create(number),
            _ => throw new ArgumentException("unsupported value"),
        };
        return root.ToJsonString();
    }
}
