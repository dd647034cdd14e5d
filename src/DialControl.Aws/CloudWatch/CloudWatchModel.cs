using System.Text.Json.Serialization;
using Amazon.Runtime;
using DialControl.Aws.Runtime.Json;

// The CloudWatch operations DialControl uses, named as in AWSSDK.CloudWatch (namespace
// Amazon.CloudWatch.Model); only the members DialControl reads or writes are modelled. Wire names are
// PascalCase (awsJson 1.0, target prefix GraniteServiceVersion20100801; docs/aws-layer.md says why
// not CBOR or query).
namespace DialControl.Aws.CloudWatch;

/// <summary>Request of GetMetricData.</summary>
public sealed class GetMetricDataRequest : AmazonWebServiceRequest
{
    /// <summary>The metrics and expressions to read, at most 500.</summary>
    public List<MetricDataQuery> MetricDataQueries { get; set; } = [];

    /// <summary>The start of the window (inclusive).</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>The end of the window (exclusive).</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The order of the points (see <see cref="ScanBy"/>); the service default is newest first.</summary>
    public string? ScanBy { get; set; }

    /// <summary>The most points returned; the service default is 100,800.</summary>
    public int? MaxDatapoints { get; set; }

    /// <summary>The token of the next page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>One metric or expression to read.</summary>
public sealed class MetricDataQuery
{
    /// <summary>An id unique in the request, starting with a lower-case letter.</summary>
    public string? Id { get; set; }

    /// <summary>The metric and statistic; set this or <see cref="Expression"/>.</summary>
    public MetricStat? MetricStat { get; set; }

    /// <summary>A metric math expression over other queries' ids.</summary>
    public string? Expression { get; set; }

    /// <summary>A label for the result.</summary>
    public string? Label { get; set; }

    /// <summary>Whether the result is returned (false for inputs of an expression).</summary>
    public bool? ReturnData { get; set; }

    /// <summary>The period of an expression, in seconds.</summary>
    public int? Period { get; set; }
}

/// <summary>A metric, a statistic and a period.</summary>
public sealed class MetricStat
{
    /// <summary>The metric.</summary>
    public Metric? Metric { get; set; }

    /// <summary>The period in seconds: 60 or a multiple of it for standard resolution.</summary>
    public int? Period { get; set; }

    /// <summary>The statistic, for example <c>Sum</c>, <c>Maximum</c> or <c>p99</c>.</summary>
    public string? Stat { get; set; }

    /// <summary>Only points recorded with this unit.</summary>
    public string? Unit { get; set; }
}

/// <summary>A metric: namespace, name and dimensions.</summary>
public sealed class Metric
{
    /// <summary>The namespace, for example <c>AWS/Bedrock</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>The metric name, for example <c>InvocationThrottles</c>.</summary>
    public string? MetricName { get; set; }

    /// <summary>The dimensions; null sends none.</summary>
    public List<Dimension>? Dimensions { get; set; }
}

/// <summary>A name and value that narrow a metric, for example <c>ModelId</c>.</summary>
public sealed class Dimension
{
    /// <summary>The dimension name.</summary>
    public string? Name { get; set; }

    /// <summary>The dimension value.</summary>
    public string? Value { get; set; }
}

/// <summary>Response of GetMetricData.</summary>
public sealed class GetMetricDataResponse : AmazonWebServiceResponse
{
    /// <summary>One result per query that returns data.</summary>
    public List<MetricDataResult> MetricDataResults { get; set; } = [];

    /// <summary>The token of the next page, or null on the last one.</summary>
    public string? NextToken { get; set; }
}

/// <summary>The points of one query.</summary>
public sealed class MetricDataResult
{
    /// <summary>The query id.</summary>
    public string? Id { get; set; }

    /// <summary>The query's label, or the metric name.</summary>
    public string? Label { get; set; }

    /// <summary>The time of each point, in the order of <see cref="Values"/>.</summary>
    public List<DateTimeOffset> Timestamps { get; set; } = [];

    /// <summary>The value of each point.</summary>
    public List<double> Values { get; set; } = [];

    /// <summary>See <see cref="StatusCode"/>: <c>PartialData</c> means another page follows.</summary>
    public string? StatusCode { get; set; }
}

/// <summary>Request of DescribeAlarms.</summary>
public sealed class DescribeAlarmsRequest : AmazonWebServiceRequest
{
    /// <summary>Only these alarms, at most 100.</summary>
    public List<string>? AlarmNames { get; set; }

    /// <summary>Only alarms whose name starts with this.</summary>
    public string? AlarmNamePrefix { get; set; }

    /// <summary>
    /// Which kinds to return (see <see cref="AlarmType"/>); the service default is metric alarms only.
    /// </summary>
    public List<string>? AlarmTypes { get; set; }

    /// <summary>Only alarms in this state (see <see cref="StateValue"/>).</summary>
    public string? StateValue { get; set; }

    /// <summary>Page size, 1 to 100.</summary>
    public int? MaxRecords { get; set; }

    /// <summary>The token of the next page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>Response of DescribeAlarms.</summary>
public sealed class DescribeAlarmsResponse : AmazonWebServiceResponse
{
    /// <summary>The metric alarms found.</summary>
    public List<MetricAlarm> MetricAlarms { get; set; } = [];

    /// <summary>
    /// The composite alarms found, only when <see cref="DescribeAlarmsRequest.AlarmTypes"/> asks for them.
    /// </summary>
    public List<CompositeAlarm> CompositeAlarms { get; set; } = [];

    /// <summary>The token of the next page, or null on the last one.</summary>
    public string? NextToken { get; set; }
}

/// <summary>An alarm on one metric or on a metric math expression.</summary>
public sealed class MetricAlarm
{
    /// <summary>The alarm name.</summary>
    public string? AlarmName { get; set; }

    /// <summary>The alarm's ARN.</summary>
    public string? AlarmArn { get; set; }

    /// <summary>See <see cref="CloudWatch.StateValue"/>.</summary>
    public string? StateValue { get; set; }

    /// <summary>Why the alarm is in its state, in words.</summary>
    public string? StateReason { get; set; }

    /// <summary>Why the alarm is in its state, as JSON: the scale-nodes breach size is read from it.</summary>
    public string? StateReasonData { get; set; }

    /// <summary>When the state last changed.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StateUpdatedTimestamp { get; set; }

    /// <summary>The threshold the statistic is compared with.</summary>
    public double? Threshold { get; set; }

    /// <summary>How the statistic is compared with the threshold, for example <c>GreaterThanThreshold</c>.</summary>
    public string? ComparisonOperator { get; set; }

    /// <summary>The metric name; null for an alarm on an expression.</summary>
    public string? MetricName { get; set; }

    /// <summary>The metric namespace; null for an alarm on an expression.</summary>
    public string? Namespace { get; set; }

    /// <summary>The statistic, for example <c>Average</c>.</summary>
    public string? Statistic { get; set; }

    /// <summary>The metric dimensions.</summary>
    public List<Dimension> Dimensions { get; set; } = [];

    /// <summary>How many periods are evaluated.</summary>
    public int? EvaluationPeriods { get; set; }

    /// <summary>The period in seconds.</summary>
    public int? Period { get; set; }
}

/// <summary>An alarm whose state is a rule over other alarms.</summary>
public sealed class CompositeAlarm
{
    /// <summary>The alarm name.</summary>
    public string? AlarmName { get; set; }

    /// <summary>The alarm's ARN.</summary>
    public string? AlarmArn { get; set; }

    /// <summary>The rule over other alarms' states.</summary>
    public string? AlarmRule { get; set; }

    /// <summary>See <see cref="CloudWatch.StateValue"/>.</summary>
    public string? StateValue { get; set; }

    /// <summary>Why the alarm is in its state, in words.</summary>
    public string? StateReason { get; set; }

    /// <summary>Why the alarm is in its state, as JSON.</summary>
    public string? StateReasonData { get; set; }

    /// <summary>When the state last changed.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StateUpdatedTimestamp { get; set; }
}

/// <summary>The states of an alarm.</summary>
public static class StateValue
{
    /// <summary>The metric is within the threshold.</summary>
    public const string Ok = "OK";

    /// <summary>The metric breached the threshold.</summary>
    public const string Alarm = "ALARM";

    /// <summary>Too few points to decide.</summary>
    public const string InsufficientData = "INSUFFICIENT_DATA";
}

/// <summary>The kinds of alarm DescribeAlarms can return.</summary>
public static class AlarmType
{
    /// <summary>An alarm on a metric or an expression.</summary>
    public const string MetricAlarm = "MetricAlarm";

    /// <summary>An alarm over other alarms.</summary>
    public const string CompositeAlarm = "CompositeAlarm";
}

/// <summary>The orders GetMetricData returns points in.</summary>
public static class ScanBy
{
    /// <summary>Newest first (the service default).</summary>
    public const string TimestampDescending = "TimestampDescending";

    /// <summary>Oldest first.</summary>
    public const string TimestampAscending = "TimestampAscending";
}

/// <summary>The values of <see cref="MetricDataResult.StatusCode"/>.</summary>
public static class StatusCode
{
    /// <summary>All points were returned.</summary>
    public const string Complete = "Complete";

    /// <summary>More points follow on the next page.</summary>
    public const string PartialData = "PartialData";

    /// <summary>CloudWatch failed to read the metric.</summary>
    public const string InternalError = "InternalError";

    /// <summary>The caller may not read the metric.</summary>
    public const string Forbidden = "Forbidden";
}
