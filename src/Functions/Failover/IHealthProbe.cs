namespace DialControl.Functions.Failover;

/// <summary>What one probe of a URL saw.</summary>
/// <param name="Healthy">True when it answered 2xx in time.</param>
/// <param name="Detail">What it saw, for the log and the announcement.</param>
internal sealed record ProbeResult(bool Healthy, string Detail);

/// <summary>Probes the standby endpoint over HTTP.</summary>
internal interface IHealthProbe
{
    /// <summary>GETs <paramref name="url"/>; never throws for an unhealthy answer or no answer.</summary>
    Task<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken);
}
