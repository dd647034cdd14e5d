using System.Text.Json.Serialization;

namespace DialControl.Aws.ServiceQuotas;

/// <summary>Source-generated JSON for the Service Quotas wire format (PascalCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(GetServiceQuotaRequest))]
[JsonSerializable(typeof(GetServiceQuotaResponse))]
[JsonSerializable(typeof(GetAWSDefaultServiceQuotaRequest))]
[JsonSerializable(typeof(GetAWSDefaultServiceQuotaResponse))]
[JsonSerializable(typeof(RequestServiceQuotaIncreaseRequest))]
[JsonSerializable(typeof(RequestServiceQuotaIncreaseResponse))]
[JsonSerializable(typeof(ListRequestedServiceQuotaChangeHistoryByQuotaRequest))]
[JsonSerializable(typeof(ListRequestedServiceQuotaChangeHistoryByQuotaResponse))]
internal sealed partial class ServiceQuotasJsonContext : JsonSerializerContext;
