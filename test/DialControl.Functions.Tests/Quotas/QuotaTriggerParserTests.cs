using System.Text;
using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class QuotaTriggerParserTests
{
    /// <summary>The payload a CloudWatch alarm action sends when it invokes a function directly.</summary>
    private const string DirectAlarmPayload =
        """
        {"source": "aws.cloudwatch", "alarmArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:tpm-high",
         "accountId": "123456789012", "time": "2025-06-02T10:07:00.000+0000", "region": "eu-west-1",
         "alarmData": {"alarmName": "tpm-high",
           "state": {"value": "ALARM", "reason": "Threshold Crossed", "timestamp": "2025-06-02T10:07:00.000+0000"},
           "previousState": {"value": "OK", "reason": "ok", "timestamp": "2025-06-02T09:00:00.000+0000"},
           "configuration": {"description": "TPM near quota", "metrics": [
             {"id": "usage", "metricStat": {"metric": {"namespace": "AWS/Bedrock", "name": "EstimatedTPMQuotaUsage",
               "dimensions": {"ModelId": "amazon.nova-pro-v1:0"}}, "period": 60, "stat": "Sum"}, "returnData": false},
             {"id": "other", "metricStat": {"metric": {"namespace": "AWS/EC2", "name": "CPUUtilization",
               "dimensions": {"InstanceId": "i-1"}}, "period": 60, "stat": "Average"}, "returnData": false},
             {"id": "e1", "expression": "usage / 1000", "label": "ratio", "returnData": true}]}}}
        """;

    private static QuotaTrigger? Parse(string json, out string reason) =>
        QuotaTriggerParser.Parse(Encoding.UTF8.GetBytes(json), out reason);

    [Fact]
    public void Parse_ScheduledEvent_IsTheSchedule()
    {
        var trigger = Parse(QuotaHarness.ScheduledEvent, out _);

        Assert.Equal(QuotaTrigger.Scheduled, trigger);
    }

    [Fact]
    public void Parse_EventBridgeAlarmStateChange_NamesAlarmStateRegionAndModel()
    {
        var trigger = Parse(QuotaHarness.AlarmEvent(QuotaHarness.Model), out _);

        Assert.NotNull(trigger);
        Assert.Equal(QuotaTrigger.Alarm, trigger.Kind);
        Assert.Equal("bedrock-throttles", trigger.AlarmName);
        Assert.Equal("ALARM", trigger.AlarmState);
        Assert.Equal("us-east-1", trigger.Region);
        Assert.Equal([QuotaHarness.Model], trigger.ModelIds);
    }

    [Fact]
    public void Parse_DirectAlarmActionPayload_TakesTheBedrockMetricOfAMathAlarm()
    {
        var trigger = Parse(DirectAlarmPayload, out _);

        Assert.NotNull(trigger);
        Assert.Equal("tpm-high", trigger.AlarmName);
        Assert.Equal("eu-west-1", trigger.Region);
        Assert.Equal(["amazon.nova-pro-v1:0"], trigger.ModelIds);
    }

    [Fact]
    public void Parse_AlarmOnAnotherBedrockMetric_IsSkippedWithTheReason()
    {
        var trigger = Parse(QuotaHarness.AlarmEvent(QuotaHarness.Model, metric: "InvocationLatency"), out var reason);

        Assert.Null(trigger);
        Assert.Equal("alarm bedrock-throttles watches no AWS/Bedrock InvocationThrottles or EstimatedTPMQuotaUsage " +
            "metric with a ModelId dimension", reason);
    }

    [Theory]
    [InlineData("not json", "the payload is not JSON (")]
    [InlineData("[1, 2]", "it is not a Scheduled Event or a CloudWatch alarm state change (source \"missing\", " +
        "detail-type \"missing\")")]
    [InlineData("""{"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification", "detail": {}}""",
        "it is not a Scheduled Event or a CloudWatch alarm state change (source \"aws.ec2\", " +
        "detail-type \"EC2 Instance State-change Notification\")")]
    [InlineData("""{"source": "aws.cloudwatch", "detail-type": "CloudWatch Alarm State Change", "detail": 5}""",
        "it is not a Scheduled Event or a CloudWatch alarm state change (source \"aws.cloudwatch\", " +
        "detail-type \"CloudWatch Alarm State Change\")")]
    [InlineData("""{"source": "aws.cloudwatch", "alarmData": {"alarmName": "a"}}""", "alarm a has no region field")]
    [InlineData("""{"source": "aws.\udc00cloudwatch", "detail-type": "Scheduled Event"}""",
        "the payload has a string that is not valid UTF-8 or UTF-16 (such as a lone surrogate escape)")]
    [InlineData("""{"source": "aws.cloudwatch", "region": "us-east-1", "alarmData": {"alarmName": "\ud800"}}""",
        "the payload has a string that is not valid UTF-8 or UTF-16 (such as a lone surrogate escape)")]
    public void Parse_BadInput_IsASkipWithAReasonNeverAnException(string json, string reason)
    {
        var trigger = Parse(json, out var skipReason);

        Assert.Null(trigger);
        Assert.StartsWith(reason, skipReason);
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_IsASkipWithAReasonNeverAnException()
    {
        var payload = Encoding.UTF8.GetBytes(QuotaHarness.ScheduledEvent.Replace("aws.events", "aws.~vents",
            StringComparison.Ordinal));
        payload[Array.IndexOf(payload, (byte)'~')] = 0xC3;

        var trigger = QuotaTriggerParser.Parse(payload, out var reason);

        Assert.Null(trigger);
        Assert.Equal("the payload has a string that is not valid UTF-8 or UTF-16 (such as a lone surrogate " +
            "escape)", reason);
    }
}
