using System.Text.Json.Serialization;

namespace DialControl.Functions.Hosting;

/// <summary>Source-generated JSON for the documents the hosting writes (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorReport))]
[JsonSerializable(typeof(LambdaServiceError))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
