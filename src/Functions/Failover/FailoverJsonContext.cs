using System.Text.Json.Serialization;

namespace DialControl.Functions.Failover;

/// <summary>Source-generated JSON for the failover functions' payloads (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(StepInput))]
[JsonSerializable(typeof(PlanOutput))]
[JsonSerializable(typeof(ActivationOutput))]
[JsonSerializable(typeof(CapacityOutput))]
[JsonSerializable(typeof(HealthOutput))]
[JsonSerializable(typeof(DnsOutput))]
[JsonSerializable(typeof(SyncOutput))]
[JsonSerializable(typeof(AnnouncementOutput))]
[JsonSerializable(typeof(FailureOutput))]
[JsonSerializable(typeof(FailoverState))]
[JsonSerializable(typeof(CapacityRecordOutput))]
[JsonSerializable(typeof(TriggerOutput))]
[JsonSerializable(typeof(FailoverRequest))]
[JsonSerializable(typeof(FailoverEvent))]
internal sealed partial class FailoverJsonContext : JsonSerializerContext;
