using DialControl.Aws.CloudWatch;
using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.CloudWatch;

public sealed class CloudWatchContractTests
{
    // CloudWatch's default protocol in botocore is CBOR; DialControl speaks its awsJson 1.0 variant.
    private const string Protocol = "json";

    private static AmazonCloudWatchClient Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonCloudWatchClient.Service, "eu-west-1", server.Url));

    [Fact]
    public async Task GetMetricData_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """
            {"MetricDataResults":[{"Id":"throttles","Label":"InvocationThrottles",
              "Timestamps":[1733246460,1733246400.5],"Values":[3.0,0.0],"StatusCode":"PartialData"}],
             "NextToken":"page-2","Messages":[]}
            """, "application/x-amz-json-1.0"));

        var response = await Client(server).GetMetricDataAsync(new()
        {
            MetricDataQueries =
            [
                new()
                {
                    Id = "throttles",
                    Label = "InvocationThrottles",
                    ReturnData = true,
                    MetricStat = new()
                    {
                        Metric = new()
                        {
                            Namespace = "AWS/Bedrock",
                            MetricName = "InvocationThrottles",
                            Dimensions = [new() { Name = "ModelId", Value = "anthropic.claude-3-5-sonnet" }],
                        },
                        Period = 60,
                        Stat = "Sum",
                        Unit = "Count",
                    },
                },
                new() { Id = "rate", Expression = "throttles / 60", Period = 60, ReturnData = false },
            ],
            StartTime = DateTimeOffset.FromUnixTimeSeconds(1733246100),
            EndTime = DateTimeOffset.FromUnixTimeSeconds(1733246700),
            ScanBy = ScanBy.TimestampDescending,
            MaxDatapoints = 1000,
            NextToken = "page-1",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "cloudwatch", "GetMetricData", new
            {
                MetricDataQueries = new object[]
                {
                    new
                    {
                        Id = "throttles",
                        Label = "InvocationThrottles",
                        ReturnData = true,
                        MetricStat = new
                        {
                            Metric = new
                            {
                                Namespace = "AWS/Bedrock",
                                MetricName = "InvocationThrottles",
                                Dimensions = new[] { new { Name = "ModelId", Value = "anthropic.claude-3-5-sonnet" } },
                            },
                            Period = 60,
                            Stat = "Sum",
                            Unit = "Count",
                        },
                    },
                    new { Id = "rate", Expression = "throttles / 60", Period = 60, ReturnData = false },
                },
                StartTime = 1733246100,
                EndTime = 1733246700,
                ScanBy = "TimestampDescending",
                MaxDatapoints = 1000,
                NextToken = "page-1",
            },
            Protocol));
        var result = Assert.Single(response.MetricDataResults);
        Assert.Equal("throttles", result.Id);
        Assert.Equal("InvocationThrottles", result.Label);
        Assert.Equal(
            [DateTimeOffset.FromUnixTimeSeconds(1733246460), DateTimeOffset.FromUnixTimeMilliseconds(1733246400500)],
            result.Timestamps);
        Assert.Equal([3.0, 0.0], result.Values);
        Assert.Equal(StatusCode.PartialData, result.StatusCode);
        Assert.Equal("page-2", response.NextToken);
    }

    [Fact]
    public async Task DescribeAlarms_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200, """
            {"MetricAlarms":[{"AlarmName":"dial-core-cpu-high",
              "AlarmArn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:dial-core-cpu-high",
              "StateValue":"ALARM","StateReason":"Threshold Crossed: 1 datapoint [91.5] was greater than 80.0",
              "StateReasonData":"{\"version\":\"1.0\",\"recentDatapoints\":[91.5],\"threshold\":80.0}",
              "StateUpdatedTimestamp":1733246400.25,"MetricName":"CPUUtilization","Namespace":"AWS/EKS",
              "Statistic":"Average","Dimensions":[{"Name":"ClusterName","Value":"dial"}],"Period":60,
              "EvaluationPeriods":1,"Threshold":80.0,"ComparisonOperator":"GreaterThanThreshold",
              "ActionsEnabled":true,"OKActions":[],"AlarmActions":[],"InsufficientDataActions":[]}],
             "CompositeAlarms":[{"AlarmName":"dial-region-down","AlarmRule":"ALARM(a) AND ALARM(b)",
              "StateValue":"OK","StateReason":"all children OK","StateUpdatedTimestamp":1733240000}],
             "NextToken":"page-2"}
            """, "application/x-amz-json-1.0"));

        var response = await Client(server).DescribeAlarmsAsync(new()
        {
            AlarmNames = ["dial-core-cpu-high", "dial-region-down"],
            AlarmTypes = [AlarmType.MetricAlarm, AlarmType.CompositeAlarm],
            StateValue = StateValue.Alarm,
            MaxRecords = 50,
            NextToken = "page-1",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "cloudwatch", "DescribeAlarms", new
            {
                AlarmNames = new[] { "dial-core-cpu-high", "dial-region-down" },
                AlarmTypes = new[] { "MetricAlarm", "CompositeAlarm" },
                StateValue = "ALARM",
                MaxRecords = 50,
                NextToken = "page-1",
            },
            Protocol));
        AssertMetricAlarm(Assert.Single(response.MetricAlarms));
        var composite = Assert.Single(response.CompositeAlarms);
        Assert.Equal("ALARM(a) AND ALARM(b)", composite.AlarmRule);
        Assert.Equal(StateValue.Ok, composite.StateValue);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733240000), composite.StateUpdatedTimestamp);
        Assert.Equal("page-2", response.NextToken);
    }

    [Fact]
    public async Task DescribeAlarms_NamePrefixOnly_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(
            new CannedResponse(200, """{"MetricAlarms":[],"CompositeAlarms":[]}""", "application/x-amz-json-1.0"));

        var response = await Client(server).DescribeAlarmsAsync(new() { AlarmNamePrefix = "dial-" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "cloudwatch", "DescribeAlarms", new { AlarmNamePrefix = "dial-" }, Protocol));
        Assert.Empty(response.MetricAlarms);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task DescribeAlarms_QueryCompatibleNotFound_ThrowsResourceNotFoundWithQueryCode()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(404,
            """{"__type":"com.amazonaws.cloudwatch#ResourceNotFoundException","message":"Alarm gpu does not exist"}""",
            "application/x-amz-json-1.0",
            new Dictionary<string, string> { ["x-amzn-query-error"] = "ResourceNotFound;Sender" }));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client(server).DescribeAlarmsAsync(new() { AlarmNames = ["gpu"] }));

        Assert.Equal("ResourceNotFound", error.ErrorCode);
        Assert.Equal(404, (int)error.StatusCode);
        Assert.Equal("CloudWatch", error.ServiceId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetMetricData_InvalidParameterValue_ThrowsInvalidInputWithoutRetry()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400,
            """
            {"__type":"com.amazonaws.cloudwatch#InvalidParameterValueException",
             "message":"The value m1 for parameter MetricDataQueries.member.1.Id is invalid."}
            """,
            "application/x-amz-json-1.0",
            new Dictionary<string, string> { ["x-amzn-query-error"] = "InvalidParameterValue;Sender" }));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Client(server).GetMetricDataAsync(new()
            {
                MetricDataQueries = [new() { Id = "M1", Expression = "1" }],
                StartTime = DateTimeOffset.FromUnixTimeSeconds(1733246100),
                EndTime = DateTimeOffset.FromUnixTimeSeconds(1733246700),
            }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal(
            "CloudWatch GetMetricData failed with InvalidParameterValue (HTTP 400, request id req-1): " +
            "The value m1 for parameter MetricDataQueries.member.1.Id is invalid.",
            error.Message);
        Assert.Single(server.Requests);
    }

    private static void AssertMetricAlarm(MetricAlarm alarm)
    {
        Assert.Equal("dial-core-cpu-high", alarm.AlarmName);
        Assert.Equal("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:dial-core-cpu-high", alarm.AlarmArn);
        Assert.Equal(StateValue.Alarm, alarm.StateValue);
        Assert.Equal("Threshold Crossed: 1 datapoint [91.5] was greater than 80.0", alarm.StateReason);
        Assert.Equal("""{"version":"1.0","recentDatapoints":[91.5],"threshold":80.0}""", alarm.StateReasonData);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1733246400250), alarm.StateUpdatedTimestamp);
        Assert.Equal(80.0, alarm.Threshold);
        Assert.Equal("GreaterThanThreshold", alarm.ComparisonOperator);
        Assert.Equal("CPUUtilization", alarm.MetricName);
        Assert.Equal("AWS/EKS", alarm.Namespace);
        Assert.Equal("Average", alarm.Statistic);
        var dimension = Assert.Single(alarm.Dimensions);
        Assert.Equal(("ClusterName", "dial"), (dimension.Name, dimension.Value));
        Assert.Equal(1, alarm.EvaluationPeriods);
        Assert.Equal(60, alarm.Period);
    }
}
