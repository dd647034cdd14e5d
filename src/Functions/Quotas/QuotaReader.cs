using DialControl.Aws.Errors;
using DialControl.Aws.ServiceQuotas;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Reads quota values from Service Quotas (service code <c>bedrock</c>): the applied value, else AWS's
/// default when none is applied. Values are cached for one invocation, since alternatives share codes.
/// </summary>
internal sealed class QuotaReader
{
    /// <summary>The Service Quotas service code of Amazon Bedrock.</summary>
    public const string ServiceCode = "bedrock";

    private readonly Func<string, IAmazonServiceQuotas> _clients;
    private readonly Dictionary<string, AppliedQuota> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a reader over per-region Service Quotas clients.</summary>
    public QuotaReader(Func<string, IAmazonServiceQuotas> clients) => _clients = clients;

    /// <summary>
    /// The quota's value in <paramref name="region"/>. Throws <see cref="QuotaCodeUnknownException"/> when
    /// Service Quotas knows neither an applied nor a default value for the code.
    /// </summary>
    public async Task<AppliedQuota> ReadAsync(string region, string code, CancellationToken cancellationToken)
    {
        var key = region + "|" + code;
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var client = _clients(region);
        ServiceQuota? quota = null;
        try
        {
            quota = (await client.GetServiceQuotaAsync(
                new GetServiceQuotaRequest { ServiceCode = ServiceCode, QuotaCode = code }, cancellationToken)).Quota;
        }
        catch (NoSuchResourceException)
        {
            // No value is applied to this account: AWS's default is what limits it.
        }

        var applied = quota?.Value is not null;
        if (!applied)
        {
            quota = await ReadDefaultAsync(client, region, code, cancellationToken);
        }

        return _cache[key] = new AppliedQuota(code, region, quota!.QuotaName, quota.Value!.Value,
            quota.Adjustable ?? false, !applied, quota.QuotaArn);
    }

    private static async Task<ServiceQuota> ReadDefaultAsync(
        IAmazonServiceQuotas client, string region, string code, CancellationToken cancellationToken)
    {
        try
        {
            var quota = (await client.GetAWSDefaultServiceQuotaAsync(
                new GetAWSDefaultServiceQuotaRequest { ServiceCode = ServiceCode, QuotaCode = code },
                cancellationToken)).Quota;
            return quota?.Value is not null ? quota : throw new QuotaCodeUnknownException(region, code, null);
        }
        catch (NoSuchResourceException e)
        {
            throw new QuotaCodeUnknownException(region, code, e);
        }
    }
}
