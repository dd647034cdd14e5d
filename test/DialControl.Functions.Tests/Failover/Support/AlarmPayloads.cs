namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>The two shapes of a CloudWatch alarm state change, as AWS documents them.</summary>
public static class AlarmPayloads
{
    public const string StateTime = "2025-05-01T10:15:00.123+0000";

    public static string EventBridge(string alarm = "dial-primary-health", string state = "ALARM",
        string timestamp = StateTime) => $$"""
        {
          "version": "0",
          "id": "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92",
          "detail-type": "CloudWatch Alarm State Change",
          "source": "aws.cloudwatch",
          "account": "123456789012",
          "time": "2025-05-01T10:15:01Z",
          "region": "eu-west-1",
          "resources": ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{{alarm}}"],
          "detail": {
            "alarmName": "{{alarm}}",
            "state": {
              "value": "{{state}}",
              "reason": "Threshold Crossed: 1 out of the last 1 datapoints [0.0] was less than the threshold (1.0).",
              "timestamp": "{{timestamp}}"
            },
            "previousState": { "value": "OK", "timestamp": "2025-04-30T08:00:00.000+0000" },
            "configuration": { "metrics": [] }
          }
        }
        """;

    public static string AlarmAction(string alarm = "dial-primary-health", string state = "ALARM",
        string timestamp = StateTime) => $$"""
        {
          "source": "aws.cloudwatch",
          "alarmArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{{alarm}}",
          "accountId": "123456789012",
          "time": "2025-05-01T10:15:01.000+0000",
          "region": "eu-west-1",
          "alarmData": {
            "alarmName": "{{alarm}}",
            "state": {
              "value": "{{state}}",
              "reason": "Threshold Crossed: 1 out of the last 1 datapoints [0.0] was less than the threshold (1.0).",
              "timestamp": "{{timestamp}}"
            },
            "previousState": { "value": "OK", "timestamp": "2025-04-30T08:00:00.000+0000" },
            "configuration": { "metrics": [] }
          }
        }
        """;
}
