using System.Globalization;
using System.Text.Json.Nodes;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>
/// The payloads the function receives, shaped like the examples in the CloudWatch and EventBridge
/// documentation: the EventBridge "CloudWatch Alarm State Change" event, the alarm action payload, and
/// the EventBridge scheduled event. Timestamps inside alarm data use CloudWatch's "+0000" form.
/// </summary>
public static class AlarmEvents
{
    public const string Account = "123456789012";

    public const string Region = "eu-west-1";

    public const string EventId = "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92";

    public static string Arn(string alarm) => $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{alarm}";

    /// <summary>A timestamp as CloudWatch writes it in alarm data: 2019-10-02T17:04:40.989+0000.</summary>
    public static string CloudWatchTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>A timestamp as EventBridge writes its envelope time: 2019-10-02T17:04:40Z.</summary>
    public static string EventTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A metric alarm's reasonData: recent datapoints against the threshold.</summary>
    public static string ReasonData(DateTimeOffset time, double threshold, params double[] datapoints) =>
        new JsonObject
        {
            ["version"] = "1.0",
            ["queryDate"] = CloudWatchTime(time),
            ["startDate"] = CloudWatchTime(time.AddMinutes(-1)),
            ["statistic"] = "Average",
            ["period"] = 60,
            ["recentDatapoints"] = new JsonArray(datapoints.Select(d => (JsonNode)d).ToArray()),
            ["threshold"] = threshold,
        }.ToJsonString();

    /// <summary>A composite alarm's reasonData: the child alarms that triggered it, no datapoints.</summary>
    public static string CompositeReasonData(DateTimeOffset time, string child) =>
        new JsonObject
        {
            ["triggeringAlarms"] = new JsonArray(new JsonObject
            {
                ["arn"] = Arn(child),
                ["state"] = new JsonObject { ["value"] = "ALARM", ["timestamp"] = CloudWatchTime(time) },
            }),
        }.ToJsonString();

    /// <summary>The alarm-specific part both shapes share (EventBridge "detail", action "alarmData").</summary>
    public static JsonObject AlarmBody(string alarm, string state, DateTimeOffset stateTime, string? reasonData,
        string type = "metric")
    {
        var current = new JsonObject
        {
            ["value"] = state,
            ["reason"] = $"Threshold Crossed: test transition of {alarm} to {state}",
            ["timestamp"] = CloudWatchTime(stateTime),
        };
        if (reasonData is not null)
        {
            current["reasonData"] = reasonData;
        }

        return new JsonObject
        {
            ["alarmName"] = alarm,
            ["state"] = current,
            ["previousState"] = new JsonObject
            {
                ["value"] = state == "ALARM" ? "OK" : "ALARM",
                ["reason"] = "earlier state",
                ["timestamp"] = CloudWatchTime(stateTime.AddMinutes(-30)),
            },
            ["configuration"] = Configuration(type),
        };
    }

    public static JsonObject Configuration(string type) => type switch
    {
        "composite" => new JsonObject
        {
            ["alarmRule"] = "ALARM(dial-core-cpu-high) OR ALARM(dial-core-memory-high)",
            ["actionsSuppressor"] = "dial-maintenance",
            ["actionsSuppressorWaitPeriod"] = 120,
            ["actionsSuppressorExtensionPeriod"] = 180,
        },
        "metric-math" => new JsonObject
        {
            ["description"] = "Requested CPU across DIAL Core nodes",
            ["metrics"] = new JsonArray(
                new JsonObject { ["id"] = "e1", ["expression"] = "m1 / m2 * 100", ["label"] = "cpu", ["returnData"] = true },
                MetricStat("m1", "node_cpu_reserved_capacity", returnData: false),
                MetricStat("m2", "node_cpu_limit", returnData: false)),
        },
        _ => new JsonObject
        {
            ["description"] = "DIAL Core nodes CPU high",
            ["metrics"] = new JsonArray(MetricStat("30b6c6b2-a864-43a2-4877-c09a1afc3b87", "node_cpu_utilization", true)),
        },
    };

    public static JsonObject EventBridgeEnvelope(JsonNode detail, DateTimeOffset time, string alarm, string id = EventId) =>
        new()
        {
            ["version"] = "0",
            ["id"] = id,
            ["detail-type"] = "CloudWatch Alarm State Change",
            ["source"] = "aws.cloudwatch",
            ["account"] = Account,
            ["time"] = EventTime(time),
            ["region"] = Region,
            ["resources"] = new JsonArray(Arn(alarm)),
            ["detail"] = detail,
        };

    public static string EventBridge(string alarm, string state, DateTimeOffset stateTime, string? reasonData,
        string type = "metric", string id = EventId) =>
        EventBridgeEnvelope(AlarmBody(alarm, state, stateTime, reasonData, type), stateTime, alarm, id).ToJsonString();

    public static JsonObject AlarmActionEnvelope(JsonNode alarmData, DateTimeOffset time, string alarm) => new()
    {
        ["source"] = "aws.cloudwatch",
        ["alarmArn"] = Arn(alarm),
        ["accountId"] = Account,
        ["time"] = CloudWatchTime(time),
        ["region"] = Region,
        ["alarmData"] = alarmData,
    };

    public static string AlarmAction(string alarm, string state, DateTimeOffset stateTime, string? reasonData,
        string type = "metric") =>
        AlarmActionEnvelope(AlarmBody(alarm, state, stateTime, reasonData, type), stateTime, alarm).ToJsonString();

    public static string Schedule(string id, DateTimeOffset time) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = id,
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["account"] = Account,
        ["time"] = EventTime(time),
        ["region"] = Region,
        ["resources"] = new JsonArray($"arn:aws:events:{Region}:{Account}:rule/dialcontrol-scale-nodes-schedule"),
        ["detail"] = new JsonObject(),
    }.ToJsonString();

    private static JsonObject MetricStat(string id, string metric, bool returnData) => new()
    {
        ["id"] = id,
        ["metricStat"] = new JsonObject
        {
            ["metric"] = new JsonObject
            {
                ["dimensions"] = new JsonObject { ["ClusterName"] = "dial", ["NodeGroup"] = "core" },
                ["name"] = metric,
                ["namespace"] = "ContainerInsights",
            },
            ["period"] = 60,
            ["stat"] = "Average",
        },
        ["returnData"] = returnData,
    };
}
