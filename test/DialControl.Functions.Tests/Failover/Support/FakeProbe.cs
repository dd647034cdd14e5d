using DialControl.Functions.Failover;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>An HTTP probe with a scripted answer.</summary>
internal sealed class FakeProbe : IHealthProbe
{
    public bool Healthy { get; set; } = true;

    public List<Uri> Probed { get; } = [];

    public Task<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Probed.Add(url);
        return Task.FromResult(new ProbeResult(
            Healthy,
            Healthy ? $"probe of {url} answered HTTP 200" : $"probe of {url} answered HTTP 503, expected 2xx"));
    }
}
