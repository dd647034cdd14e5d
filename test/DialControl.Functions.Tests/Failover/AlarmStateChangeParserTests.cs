using System.Text;
using DialControl.Functions.Failover;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class AlarmStateChangeParserTests
{
    private static readonly DateTimeOffset s_stateTime = new(2025, 5, 1, 10, 15, 0, 123, TimeSpan.Zero);

    private static AlarmStateChange? Parse(string json, out string why) =>
        AlarmStateChangeParser.TryParse(Encoding.UTF8.GetBytes(json), out why);

    [Fact]
    public void TryParse_EventBridgeEvent_ReadsAlarmStateAndTime()
    {
        var alarm = Parse(AlarmPayloads.EventBridge(), out _);

        Assert.Equal("dial-primary-health", alarm!.AlarmName);
        Assert.Equal("ALARM", alarm.State);
        Assert.Equal(s_stateTime, alarm.StateTime);
        Assert.Equal("eventbridge", alarm.Shape);
        Assert.StartsWith("Threshold Crossed", alarm.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AlarmActionPayload_ReadsTheSameIncident()
    {
        var fromAction = Parse(AlarmPayloads.AlarmAction(), out _);
        var fromEvent = Parse(AlarmPayloads.EventBridge(), out _);

        Assert.Equal("alarm-action", fromAction!.Shape);
        Assert.Equal(fromEvent! with { Shape = "alarm-action" }, fromAction);
    }

    [Theory]
    [InlineData("2025-05-01T10:15:00.123+00:00")]
    [InlineData("2025-05-01T12:15:00.123+0200")]
    [InlineData("2025-05-01T10:15:00.123Z")]
    public void TryParse_TimestampForms_AllReadAsUtc(string timestamp)
    {
        Assert.Equal(s_stateTime, Parse(AlarmPayloads.EventBridge(timestamp: timestamp), out _)!.StateTime);
    }

    [Theory]
    [InlineData("not json", "the payload is not JSON")]
    [InlineData("[1]", "the payload is not a JSON object")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{}}""",
        "the payload is neither an EventBridge 'CloudWatch Alarm State Change' event nor an alarm action payload " +
        "(detail-type 'Scheduled Event', source 'aws.events')")]
    [InlineData("""{"detail-type":"CloudWatch Alarm State Change","detail":{"alarmName":"a"}}""",
        "the eventbridge payload lacks alarmName, state.value or a valid state.timestamp (saw 'a', 'none', 'none')")]
    [InlineData("""{"alarmArn":"x","alarmData":{"alarmName":"a","state":{"value":"ALARM","timestamp":"yesterday"}}}""",
        "the alarm-action payload lacks alarmName, state.value or a valid state.timestamp " +
        "(saw 'a', 'ALARM', 'yesterday')")]
    public void TryParse_UnusablePayload_SaysWhatIsMissing(string json, string expected)
    {
        Assert.Null(Parse(json, out var why));
        Assert.StartsWith(expected, why, StringComparison.Ordinal);
    }
}
