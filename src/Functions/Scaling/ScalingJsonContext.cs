using System.Text.Json.Serialization;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Source-generated JSON for the scale-nodes function: the SCALE_POLICIES setting (unknown fields are
/// errors, so a misspelt "cooldown" is reported instead of silently defaulted) and the response.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(List<ScalePolicyDocument>))]
[JsonSerializable(typeof(ScaleNodesResponse))]
internal sealed partial class ScalingJsonContext : JsonSerializerContext;
