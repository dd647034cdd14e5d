using System.Text.Json.Serialization;
using Amazon.Runtime;
using DialControl.Aws.Runtime.Json;

// The Service Quotas operations DialControl uses, named as in AWSSDK.ServiceQuotas (namespace
// Amazon.ServiceQuotas.Model); only the members DialControl reads or writes are modelled. Wire names
// are PascalCase (awsJson 1.1, target prefix ServiceQuotasV20190624).
namespace DialControl.Aws.ServiceQuotas;

/// <summary>Request of GetServiceQuota: the value applied to this account.</summary>
public sealed class GetServiceQuotaRequest : AmazonWebServiceRequest
{
    /// <summary>The service code, for example <c>bedrock</c>.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The quota code, for example <c>L-12345678</c>.</summary>
    public string? QuotaCode { get; set; }
}

/// <summary>Response of GetServiceQuota.</summary>
public sealed class GetServiceQuotaResponse : AmazonWebServiceResponse
{
    /// <summary>The applied quota.</summary>
    public ServiceQuota? Quota { get; set; }
}

/// <summary>Request of GetAWSDefaultServiceQuota: the value AWS starts every account with.</summary>
public sealed class GetAWSDefaultServiceQuotaRequest : AmazonWebServiceRequest
{
    /// <summary>The service code, for example <c>bedrock</c>.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The quota code, for example <c>L-12345678</c>.</summary>
    public string? QuotaCode { get; set; }
}

/// <summary>Response of GetAWSDefaultServiceQuota.</summary>
public sealed class GetAWSDefaultServiceQuotaResponse : AmazonWebServiceResponse
{
    /// <summary>The default quota.</summary>
    public ServiceQuota? Quota { get; set; }
}

/// <summary>A quota and its value.</summary>
public sealed class ServiceQuota
{
    /// <summary>The service code.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The service's display name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The quota's ARN.</summary>
    public string? QuotaArn { get; set; }

    /// <summary>The quota code.</summary>
    public string? QuotaCode { get; set; }

    /// <summary>The quota's display name; it can change, so DialControl keys on the code.</summary>
    public string? QuotaName { get; set; }

    /// <summary>The quota value, in <see cref="Unit"/>.</summary>
    public double? Value { get; set; }

    /// <summary>The unit of <see cref="Value"/>, for example <c>None</c> or <c>Count</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>Whether an increase can be requested.</summary>
    public bool? Adjustable { get; set; }

    /// <summary>Whether the quota is global rather than per region.</summary>
    public bool? GlobalQuota { get; set; }
}

/// <summary>Request of RequestServiceQuotaIncrease.</summary>
public sealed class RequestServiceQuotaIncreaseRequest : AmazonWebServiceRequest
{
    /// <summary>The service code.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The quota code.</summary>
    public string? QuotaCode { get; set; }

    /// <summary>The new value asked for, in the quota's unit.</summary>
    public double? DesiredValue { get; set; }
}

/// <summary>Response of RequestServiceQuotaIncrease.</summary>
public sealed class RequestServiceQuotaIncreaseResponse : AmazonWebServiceResponse
{
    /// <summary>The request that was opened.</summary>
    public RequestedServiceQuotaChange? RequestedQuota { get; set; }
}

/// <summary>Request of ListRequestedServiceQuotaChangeHistoryByQuota.</summary>
public sealed class ListRequestedServiceQuotaChangeHistoryByQuotaRequest : AmazonWebServiceRequest
{
    /// <summary>The service code.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The quota code.</summary>
    public string? QuotaCode { get; set; }

    /// <summary>Only requests with this status (see <see cref="RequestStatus"/>).</summary>
    public string? Status { get; set; }

    /// <summary>The token of the next page.</summary>
    public string? NextToken { get; set; }

    /// <summary>Page size, 1 to 100.</summary>
    public int? MaxResults { get; set; }
}

/// <summary>Response of ListRequestedServiceQuotaChangeHistoryByQuota.</summary>
public sealed class ListRequestedServiceQuotaChangeHistoryByQuotaResponse : AmazonWebServiceResponse
{
    /// <summary>One page of increase requests for the quota.</summary>
    public List<RequestedServiceQuotaChange> RequestedQuotas { get; set; } = [];

    /// <summary>The token of the next page, or null on the last one.</summary>
    public string? NextToken { get; set; }
}

/// <summary>A quota increase request.</summary>
public sealed class RequestedServiceQuotaChange
{
    /// <summary>The request id.</summary>
    public string? Id { get; set; }

    /// <summary>The support case AWS opened for it, if any.</summary>
    public string? CaseId { get; set; }

    /// <summary>The service code.</summary>
    public string? ServiceCode { get; set; }

    /// <summary>The quota code.</summary>
    public string? QuotaCode { get; set; }

    /// <summary>The quota's display name.</summary>
    public string? QuotaName { get; set; }

    /// <summary>The value asked for.</summary>
    public double? DesiredValue { get; set; }

    /// <summary>See <see cref="RequestStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>When the request was opened.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>When the request last changed.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastUpdated { get; set; }
}

/// <summary>The values of a quota increase request's status.</summary>
public static class RequestStatus
{
    /// <summary>Submitted, not decided yet: an increase is already open.</summary>
    public const string Pending = "PENDING";

    /// <summary>A support case was opened: an increase is already open.</summary>
    public const string CaseOpened = "CASE_OPENED";

    /// <summary>Granted.</summary>
    public const string Approved = "APPROVED";

    /// <summary>Refused.</summary>
    public const string Denied = "DENIED";

    /// <summary>The support case was closed.</summary>
    public const string CaseClosed = "CASE_CLOSED";

    /// <summary>Not approved by the service team.</summary>
    public const string NotApproved = "NOT_APPROVED";

    /// <summary>The request was not valid.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";
}
