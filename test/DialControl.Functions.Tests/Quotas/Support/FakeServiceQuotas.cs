using DialControl.Aws.Errors;
using DialControl.Aws.ServiceQuotas;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>
/// Service Quotas for the Bedrock quota tests, hand-written because moto_server has no Bedrock quotas
/// (it knows no service code <c>bedrock</c> values), so even the moto integration test uses this fake
/// for Service Quotas. It holds applied and default values per region and quota code, the request
/// history per quota, and records every call so tests assert what AWS was asked to do.
/// </summary>
internal sealed class FakeServiceQuotas : IAmazonServiceQuotas
{
    private readonly string _region;
    private readonly Dictionary<string, ServiceQuota> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceQuota> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RequestedServiceQuotaChange>> _history = new(StringComparer.Ordinal);
    private int _nextRequest = 1;

    public FakeServiceQuotas(string region) => _region = region;

    /// <summary>Every call, as "Operation code" (and the desired value for a request).</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The increase requests made through this fake.</summary>
    public List<RequestServiceQuotaIncreaseRequest> IncreaseRequests { get; } = [];

    /// <summary>When set, every call throws it (an AWS outage or a missing permission).</summary>
    public Exception? FailWith { get; set; }

    /// <summary>When set, RequestServiceQuotaIncrease answers ResourceAlreadyExistsException.</summary>
    public bool AlreadyPendingOnRequest { get; set; }

    public FakeServiceQuotas Applied(string code, double value, bool adjustable = true, string? name = null)
    {
        _applied[code] = Quota(code, value, adjustable, name);
        _defaults.TryAdd(code, Quota(code, value, adjustable, name));
        return this;
    }

    public FakeServiceQuotas DefaultOnly(string code, double value, bool adjustable = true, string? name = null)
    {
        _defaults[code] = Quota(code, value, adjustable, name);
        return this;
    }

    public FakeServiceQuotas History(string code, string status, double desired, DateTimeOffset created, string id)
    {
        if (!_history.TryGetValue(code, out var list))
        {
            _history[code] = list = [];
        }

        list.Add(new RequestedServiceQuotaChange
        {
            Id = id, QuotaCode = code, ServiceCode = "bedrock", Status = status, DesiredValue = desired,
            Created = created,
        });
        return this;
    }

    public Task<GetServiceQuotaResponse> GetServiceQuotaAsync(
        GetServiceQuotaRequest request, CancellationToken cancellationToken = default)
    {
        Record($"GetServiceQuota {request.ServiceCode}/{request.QuotaCode}");
        return _applied.TryGetValue(request.QuotaCode!, out var quota)
            ? Task.FromResult(new GetServiceQuotaResponse { Quota = quota })
            : throw NoSuchResource("GetServiceQuota", request.QuotaCode);
    }

    public Task<GetAWSDefaultServiceQuotaResponse> GetAWSDefaultServiceQuotaAsync(
        GetAWSDefaultServiceQuotaRequest request, CancellationToken cancellationToken = default)
    {
        Record($"GetAWSDefaultServiceQuota {request.ServiceCode}/{request.QuotaCode}");
        return _defaults.TryGetValue(request.QuotaCode!, out var quota)
            ? Task.FromResult(new GetAWSDefaultServiceQuotaResponse { Quota = quota })
            : throw NoSuchResource("GetAWSDefaultServiceQuota", request.QuotaCode);
    }

    public Task<RequestServiceQuotaIncreaseResponse> RequestServiceQuotaIncreaseAsync(
        RequestServiceQuotaIncreaseRequest request, CancellationToken cancellationToken = default)
    {
        Record($"RequestServiceQuotaIncrease {request.ServiceCode}/{request.QuotaCode} {request.DesiredValue}");
        if (AlreadyPendingOnRequest)
        {
            throw new QuotaRequestAlreadyPendingException(new AwsErrorDetails("Service Quotas",
                "RequestServiceQuotaIncrease", "ResourceAlreadyExistsException", "already pending", 400, "req-1"));
        }

        IncreaseRequests.Add(request);
        var change = new RequestedServiceQuotaChange
        {
            Id = $"req-{_nextRequest++}", QuotaCode = request.QuotaCode, ServiceCode = request.ServiceCode,
            DesiredValue = request.DesiredValue, Status = RequestStatus.Pending,
        };
        if (!_history.TryGetValue(request.QuotaCode!, out var list))
        {
            _history[request.QuotaCode!] = list = [];
        }

        list.Add(change);
        return Task.FromResult(new RequestServiceQuotaIncreaseResponse { RequestedQuota = change });
    }

    public Task<ListRequestedServiceQuotaChangeHistoryByQuotaResponse>
        ListRequestedServiceQuotaChangeHistoryByQuotaAsync(
            ListRequestedServiceQuotaChangeHistoryByQuotaRequest request, CancellationToken cancellationToken = default)
    {
        Record($"ListRequestedServiceQuotaChangeHistoryByQuota {request.ServiceCode}/{request.QuotaCode}");
        var list = _history.GetValueOrDefault(request.QuotaCode!) ?? [];
        return Task.FromResult(
            new ListRequestedServiceQuotaChangeHistoryByQuotaResponse { RequestedQuotas = [.. list] });
    }

    private void Record(string call)
    {
        Calls.Add(call);
        if (FailWith is not null)
        {
            throw FailWith;
        }
    }

    private ServiceQuota Quota(string code, double value, bool adjustable, string? name) => new()
    {
        ServiceCode = "bedrock",
        QuotaCode = code,
        QuotaName = name ?? $"Quota {code}",
        QuotaArn = $"arn:aws:servicequotas:{_region}:123456789012:bedrock/{code}",
        Value = value,
        Adjustable = adjustable,
    };

    private static NoSuchResourceException NoSuchResource(string operation, string? code) =>
        new(new AwsErrorDetails("Service Quotas", operation, "NoSuchResourceException",
            $"The request failed because the specified quota {code} does not exist.", 400, "req-0"));
}
