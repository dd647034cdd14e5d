using System.Globalization;

namespace DialControl.Functions.Failover;

/// <summary>
/// Asks whether the standby endpoint is healthy: the Route 53 health check (by Route 53's own rule,
/// healthy when more than 18% of its checkers report success) and/or an HTTP probe of the configured
/// URL. Every configured signal must be healthy.
/// </summary>
internal sealed class HealthStep(FailoverOptions options, FailoverServices services)
{
    /// <summary>Route 53 calls an endpoint healthy when more than this share of checkers see it healthy.</summary>
    public const double HealthyShare = 0.18;

    /// <summary>The health of the standby, with what each signal saw.</summary>
    public async Task<HealthOutput> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<ProbeResult>();
        if (options.HealthCheckId is { } id)
        {
            results.Add(await HealthCheckAsync(id, cancellationToken));
        }

        if (options.ProbeUrl is { } url)
        {
            results.Add(await services.Probe.ProbeAsync(url, options.ProbeTimeout, cancellationToken));
        }

        return new HealthOutput
        {
            Healthy = results.Count > 0 && results.TrueForAll(r => r.Healthy),
            Summary = string.Join("; ", results.Select(r => r.Detail)),
        };
    }

    /// <summary>Healthy when more than 18% of the observations report success (Route 53's rule).</summary>
    public static ProbeResult Evaluate(string healthCheckId, IReadOnlyList<string?> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var successes = statuses.Count(s => s?.StartsWith("Success", StringComparison.Ordinal) == true);
        var healthy = statuses.Count > 0 && successes > HealthyShare * statuses.Count;
        var share = string.Create(CultureInfo.InvariantCulture, $"{successes} of {statuses.Count}");
        return new ProbeResult(healthy, healthy
            ? $"Route 53 health check {healthCheckId}: {share} checkers report success"
            : $"Route 53 health check {healthCheckId}: only {share} checkers report success, more than 18% needed");
    }

    private async Task<ProbeResult> HealthCheckAsync(string id, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync($"Route 53 GetHealthCheckStatus of health check {id}",
            () => services.Route53.GetHealthCheckStatusAsync(new() { HealthCheckId = id }, cancellationToken),
            cancellationToken);
        return Evaluate(id, [.. response.HealthCheckObservations.Select(o => o.StatusReport?.Status)]);
    }
}
