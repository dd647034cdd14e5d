using System.Text.Json.Serialization;

namespace DialControl.Aws.EventBridge;

/// <summary>Source-generated JSON for the EventBridge wire format (PascalCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
