using System.Text.Json.Serialization;
using DialControl.Aws.Runtime.Json;

namespace DialControl.Aws.CloudWatch;

/// <summary>
/// Source-generated JSON for the CloudWatch awsJson 1.0 wire format (PascalCase, nulls omitted). The
/// converter is also registered for the whole context because a property attribute does not reach
/// the elements of <see cref="MetricDataResult.Timestamps"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetMetricDataRequest))]
[JsonSerializable(typeof(GetMetricDataResponse))]
[JsonSerializable(typeof(DescribeAlarmsRequest))]
[JsonSerializable(typeof(DescribeAlarmsResponse))]
internal sealed partial class CloudWatchJsonContext : JsonSerializerContext;
