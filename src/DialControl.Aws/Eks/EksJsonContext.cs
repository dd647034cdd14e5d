using System.Text.Json.Serialization;

namespace DialControl.Aws.Eks;

/// <summary>Source-generated JSON for the EKS wire format (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(DescribeClusterResponse))]
[JsonSerializable(typeof(ListNodegroupsResponse))]
[JsonSerializable(typeof(DescribeNodegroupResponse))]
[JsonSerializable(typeof(UpdateNodegroupConfigRequest))]
[JsonSerializable(typeof(UpdateNodegroupConfigResponse))]
internal sealed partial class EksJsonContext : JsonSerializerContext;
