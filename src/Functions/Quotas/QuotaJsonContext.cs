using System.Text.Json.Serialization;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Source-generated JSON of the BedrockQuota function: its configuration (unknown fields are errors, so
/// a typo in <c>BEDROCK_MODELS</c> fails the cold start), its event detail and its response.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<BedrockModelJson>))]
[JsonSerializable(typeof(QuotaLevelChangedDetail))]
[JsonSerializable(typeof(QuotaRunResponse))]
internal sealed partial class QuotaJsonContext : JsonSerializerContext;
