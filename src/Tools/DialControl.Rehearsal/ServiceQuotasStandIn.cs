using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal;

/// <summary>
/// A local stand-in for Service Quotas, which moto does not emulate for Bedrock. It speaks the real
/// wire protocol (awsJson 1.1, X-Amz-Target ServiceQuotasV20190624.*) on 127.0.0.1 for the four
/// operations DialControl calls, so the quota function runs unchanged against it. The rehearsal's
/// output says whenever an answer came from here.
/// </summary>
internal sealed class ServiceQuotasStandIn : LoopbackHttpServer
{
    private readonly ConcurrentDictionary<string, double> _applied = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private int _nextRequest;

    /// <summary>Increase requests received, as the service would list them.</summary>
    public IReadOnlyList<JsonObject> IncreaseRequests => [.. _requests];

    /// <summary>Sets the applied and default value of a quota in every region.</summary>
    public void SetQuota(string quotaCode, double applied, double defaultValue)
    {
        _applied[quotaCode] = applied;
        _defaults[quotaCode] = defaultValue;
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var body = JsonNode.Parse(await ReadBodyAsync(context.Request))?.AsObject() ?? [];
        var target = context.Request.Headers["X-Amz-Target"] ?? string.Empty;
        var (status, answer) = Dispatch(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], body);
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await WriteAsync(context.Response, status, "application/x-amz-json-1.1", answer.ToJsonString());
    }

    private (int Status, JsonObject Body) Dispatch(string operation, JsonObject body)
    {
        var code = body["QuotaCode"]?.GetValue<string>() ?? string.Empty;
        return operation switch
        {
            "GetServiceQuota" when _applied.TryGetValue(code, out var value) => (200, Quota(code, value)),
            "GetServiceQuota" => (400, Error("NoSuchResourceException", $"No applied value for {code}.")),
            "GetAWSDefaultServiceQuota" when _defaults.TryGetValue(code, out var value) => (200, Quota(code, value)),
            "GetAWSDefaultServiceQuota" => (400, Error("NoSuchResourceException", $"Unknown quota {code}.")),
            "ListRequestedServiceQuotaChangeHistoryByQuota" => (200, History(code)),
            "RequestServiceQuotaIncrease" => Request(code, body),
            _ => (400, Error("ValidationException", $"The stand-in does not implement {operation}.")),
        };
    }

    private (int, JsonObject) Request(string code, JsonObject body)
    {
        if (_requests.Any(r => r["QuotaCode"]!.GetValue<string>() == code))
        {
            return (400, Error("ResourceAlreadyExistsException", $"A request for {code} is already pending."));
        }

        var id = Interlocked.Increment(ref _nextRequest).ToString(CultureInfo.InvariantCulture);
        var change = new JsonObject
        {
            ["Id"] = id,
            ["ServiceCode"] = "bedrock",
            ["QuotaCode"] = code,
            ["DesiredValue"] = body["DesiredValue"]?.GetValue<double>(),
            ["Status"] = "PENDING",
            ["Created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        _requests.Enqueue(change);
        return (200, new JsonObject { ["RequestedQuota"] = change.DeepClone() });
    }

    private JsonObject History(string code) => new()
    {
        ["RequestedQuotas"] = new JsonArray([.. _requests
            .Where(r => r["QuotaCode"]!.GetValue<string>() == code)
            .Select(r => (JsonNode)r.DeepClone())]),
    };

    private static JsonObject Quota(string code, double value) => new()
    {
        ["Quota"] = new JsonObject
        {
            ["ServiceCode"] = "bedrock",
            ["QuotaCode"] = code,
            ["QuotaName"] = $"Tokens per minute ({code})",
            ["Value"] = value,
            ["Unit"] = "None",
            ["Adjustable"] = true,
            ["GlobalQuota"] = false,
        },
    };

    private static JsonObject Error(string code, string message) => new()
    {
        ["__type"] = code,
        ["message"] = message,
    };
}
