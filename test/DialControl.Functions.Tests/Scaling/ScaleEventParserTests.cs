using System.Text;
using DialControl.Functions.Scaling;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

public sealed class ScaleEventParserTests
{
    private static readonly DateTimeOffset StateTime = new(2019, 10, 2, 17, 4, 40, 989, TimeSpan.Zero);

    private static ScaleTrigger Parse(string payload) => ScaleEventParser.Parse(Encoding.UTF8.GetBytes(payload));

    private static AlarmStateChange Change(string payload) => Assert.IsType<AlarmTrigger>(Parse(payload)).Change;

    [Fact]
    public void Parse_EventBridgeAlarmStateChange_ReadsAlarmStateAndReasonData()
    {
        var reasonData = AlarmEvents.ReasonData(StateTime, 50, 99.5);

        var change = Change(AlarmEvents.EventBridge("ServerCpuTooHigh", "ALARM", StateTime, reasonData));

        Assert.Equal(new AlarmStateChange("eventbridge", "alarm|ServerCpuTooHigh|2019-10-02T17:04:40.989Z",
            "ServerCpuTooHigh", "metric", "ALARM", "OK", StateTime, reasonData), change);
    }

    [Fact]
    public void Parse_AlarmActionPayload_ReadsTheSameChangeUnderTheSameKey()
    {
        var reasonData = AlarmEvents.ReasonData(StateTime, 50, 99.5);

        var action = Change(AlarmEvents.AlarmAction("ServerCpuTooHigh", "ALARM", StateTime, reasonData));
        var bridge = Change(AlarmEvents.EventBridge("ServerCpuTooHigh", "ALARM", StateTime, reasonData));

        Assert.Equal("alarm-action", action.Trigger);
        Assert.Equal(bridge with { Trigger = "alarm-action" }, action);
    }

    [Theory]
    [InlineData("composite", "composite")]
    [InlineData("metric-math", "metric-math")]
    [InlineData("metric", "metric")]
    public void Parse_AlarmConfiguration_TellsTheAlarmType(string configuration, string type)
    {
        var change = Change(AlarmEvents.AlarmAction("a", "ALARM", StateTime, null, configuration));

        Assert.Equal(type, change.AlarmType);
        Assert.Null(change.ReasonData);
    }

    [Fact]
    public void Parse_NoConfiguration_IsUnknownType()
    {
        var body = AlarmEvents.AlarmBody("a", "ALARM", StateTime, null);
        body.Remove("configuration");

        var change = Change(AlarmEvents.EventBridgeEnvelope(body, StateTime, "a").ToJsonString());

        Assert.Equal("unknown", change.AlarmType);
    }

    [Fact]
    public void Parse_EventBridgeWithoutStateTimestamp_KeysOnTheEventId()
    {
        var body = AlarmEvents.AlarmBody("a", "ALARM", StateTime, null);
        body["state"]!.AsObject().Remove("timestamp");

        var change = Change(AlarmEvents.EventBridgeEnvelope(body, StateTime, "a", id: "event-7").ToJsonString());

        Assert.Equal(("event|event-7", new DateTimeOffset(2019, 10, 2, 17, 4, 40, TimeSpan.Zero)),
            (change.EventKey, change.StateTime));
    }

    [Fact]
    public void Parse_ReasonDataAsObject_IsKeptAsJsonText()
    {
        var body = AlarmEvents.AlarmBody("a", "ALARM", StateTime, null);
        body["state"]!["reasonData"] = System.Text.Json.Nodes.JsonNode.Parse("{\"threshold\":1}");

        var change = Change(AlarmEvents.EventBridgeEnvelope(body, StateTime, "a").ToJsonString());

        Assert.Equal("{\"threshold\":1}", change.ReasonData);
    }

    [Fact]
    public void Parse_ScheduledEvent_IsTheScheduleWithItsId()
    {
        var trigger = Parse(AlarmEvents.Schedule("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", StateTime));

        Assert.Equal(new ScheduleTrigger("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"), trigger);
    }

    [Theory]
    [InlineData("2019-10-02T17:04:40.989+0000")]
    [InlineData("2019-10-02T17:04:40.989Z")]
    [InlineData("2019-10-02T19:04:40.989+0200")]
    [InlineData("2019-10-02T12:04:40.989-05:00")]
    public void TryParse_CloudWatchAndIsoForms_AreTheSameInstant(string text)
    {
        Assert.True(AlarmTimestamp.TryParse(text, out var value));
        Assert.Equal(StateTime, value);
        Assert.Equal("2019-10-02T17:04:40.989Z", AlarmTimestamp.Format(value));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2019-13-02T17:04:40+0000")]
    public void TryParse_NotATimestamp_IsFalse(string? text)
    {
        Assert.False(AlarmTimestamp.TryParse(text, out _));
    }
}
