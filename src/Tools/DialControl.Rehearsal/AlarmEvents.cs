using System.Globalization;
using System.Text.Json.Nodes;

namespace DialControl.Rehearsal;

/// <summary>
/// Builds the EventBridge "CloudWatch Alarm State Change" event as CloudWatch sends it, for an alarm
/// the seeder created and the scenario just moved into ALARM.
/// </summary>
internal static class AlarmEvents
{
    public static JsonObject StateChange(string region, string alarm, string metricNamespace, string metric,
        JsonObject dimensions, double value, double threshold)
    {
        var now = DateTimeOffset.UtcNow;
        var stamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        var reasonData = new JsonObject
        {
            ["version"] = "1.0",
            ["queryDate"] = stamp,
            ["startDate"] = now.AddMinutes(-1)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
            ["statistic"] = "Average",
            ["period"] = 60,
            ["recentDatapoints"] = new JsonArray(value),
            ["threshold"] = threshold,
        };
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "CloudWatch Alarm State Change",
            ["source"] = "aws.cloudwatch",
            ["account"] = Estate.Account,
            ["time"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = region,
            ["resources"] = new JsonArray(Estate.AlarmArn(region, alarm)),
            ["detail"] = new JsonObject
            {
                ["alarmName"] = alarm,
                ["state"] = new JsonObject
                {
                    ["value"] = "ALARM",
                    ["reason"] =
                        $"Threshold Crossed: 1 datapoint [{value.ToString(CultureInfo.InvariantCulture)}] " +
                        $"was greater than the threshold ({threshold.ToString(CultureInfo.InvariantCulture)}).",
                    ["reasonData"] = reasonData.ToJsonString(),
                    ["timestamp"] = stamp,
                },
                ["previousState"] = new JsonObject
                {
                    ["value"] = "OK",
                    ["reason"] = "Threshold Crossed",
                    ["timestamp"] = now.AddMinutes(-30)
                        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
                },
                ["configuration"] = new JsonObject
                {
                    ["metrics"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "m1",
                        ["metricStat"] = new JsonObject
                        {
                            ["metric"] = new JsonObject
                            {
                                ["namespace"] = metricNamespace,
                                ["name"] = metric,
                                ["dimensions"] = dimensions,
                            },
                            ["period"] = 60,
                            ["stat"] = "Average",
                        },
                        ["returnData"] = true,
                    }),
                },
            },
        };
    }
}
