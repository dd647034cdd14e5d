using DialControl.Aws.CloudWatch;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.CloudWatch;

[Collection(MotoTestGroup.Name)]
public sealed class CloudWatchMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";

    // Points are written at fixed times so the window asked for does not depend on the clock.
    private static readonly DateTimeOffset s_minute = new(2024, 12, 3, 17, 20, 0, TimeSpan.Zero);

    private AmazonCloudWatchClient Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonCloudWatchClient.Service, Region, moto.Url));

    private static object Point(string ns, string model, double value, DateTimeOffset at) => new
    {
        Namespace = ns,
        MetricData = new[]
        {
            new
            {
                MetricName = "InvocationThrottles",
                Dimensions = new[] { new { Name = "ModelId", Value = model } },
                Value = value,
                Timestamp = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        },
    };

    [Fact]
    public async Task GetMetricData_PointsPutWithBoto3_ReturnsSumsPerMinute()
    {
        const string ns = "DialControl/GetMetricDataTest";
        Boto3.Call(moto.Url,
            new("cloudwatch", "put_metric_data", Point(ns, "claude", 3, s_minute.AddSeconds(5)), Region),
            new("cloudwatch", "put_metric_data", Point(ns, "claude", 4, s_minute.AddSeconds(35)), Region),
            new("cloudwatch", "put_metric_data", Point(ns, "other-model", 100, s_minute.AddSeconds(10)), Region));

        var response = await Client().GetMetricDataAsync(new()
        {
            MetricDataQueries = [Query(ns, "claude")],
            StartTime = s_minute.AddMinutes(-5),
            EndTime = s_minute.AddMinutes(5),
            ScanBy = ScanBy.TimestampAscending,
        });

        var result = Assert.Single(response.MetricDataResults);
        Assert.Equal("throttles", result.Id);
        Assert.Equal([7.0], result.Values);
        Assert.Single(result.Timestamps);
        Assert.Equal(StatusCode.Complete, result.StatusCode);
    }

    [Fact]
    public async Task DescribeAlarms_AlarmSetToAlarmWithBoto3_ReturnsStateAndReasonData()
    {
        const string name = "dial-core-cpu-high-describe-test";
        const string reasonData = """{"version":"1.0","recentDatapoints":[91.5],"threshold":80.0}""";
        Boto3.Call(moto.Url,
            new("cloudwatch", "put_metric_alarm", new
            {
                AlarmName = name,
                Namespace = "AWS/EKS",
                MetricName = "CPUUtilization",
                Dimensions = new[] { new { Name = "ClusterName", Value = "dial" } },
                Statistic = "Average",
                Period = 60,
                EvaluationPeriods = 2,
                Threshold = 80.0,
                ComparisonOperator = "GreaterThanThreshold",
            }, Region),
            new("cloudwatch", "set_alarm_state", new
            {
                AlarmName = name,
                StateValue = "ALARM",
                StateReason = "Threshold Crossed",
                StateReasonData = reasonData,
            }, Region));

        // moto applies only the first of AlarmNames and StateValue it finds, so they are asked separately.
        var byName = await Client().DescribeAlarmsAsync(new() { AlarmNames = [name] });
        var inAlarm = await Client().DescribeAlarmsAsync(new() { StateValue = StateValue.Alarm });
        var inOk = await Client().DescribeAlarmsAsync(new() { StateValue = StateValue.Ok });

        Assert.Contains(name, inAlarm.MetricAlarms.Select(a => a.AlarmName));
        Assert.DoesNotContain(name, inOk.MetricAlarms.Select(a => a.AlarmName));
        var alarm = Assert.Single(byName.MetricAlarms);
        Assert.Equal(name, alarm.AlarmName);
        Assert.EndsWith(":alarm:" + name, alarm.AlarmArn, StringComparison.Ordinal);
        Assert.Equal(StateValue.Alarm, alarm.StateValue);
        Assert.Equal("Threshold Crossed", alarm.StateReason);
        Assert.Equal(reasonData, alarm.StateReasonData);
        Assert.NotNull(alarm.StateUpdatedTimestamp);
        Assert.Equal(80.0, alarm.Threshold);
        Assert.Equal("GreaterThanThreshold", alarm.ComparisonOperator);
        Assert.Equal(("CPUUtilization", "AWS/EKS"), (alarm.MetricName, alarm.Namespace));
        Assert.Equal(("ClusterName", "dial"), (alarm.Dimensions[0].Name, alarm.Dimensions[0].Value));
        Assert.Equal((2, 60), (alarm.EvaluationPeriods, alarm.Period));
    }

    private static MetricDataQuery Query(string ns, string model) => new()
    {
        Id = "throttles",
        MetricStat = new()
        {
            Metric = new()
            {
                Namespace = ns,
                MetricName = "InvocationThrottles",
                Dimensions = [new() { Name = "ModelId", Value = model }],
            },
            Period = 60,
            Stat = "Sum",
        },
    };
}
