using System.Globalization;

namespace DialControl.Functions.Failover;

/// <summary>
/// GETs the probe URL: healthy on a 2xx answer (after redirects) within the timeout. No answer, a
/// refused connection and any other status are unhealthy results, not errors: the workflow's health
/// loop decides what to do with them.
/// </summary>
internal sealed class HttpHealthProbe(HttpClient http) : IHealthProbe
{
    /// <inheritdoc />
    public async Task<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return response.IsSuccessStatusCode
                ? new ProbeResult(true, $"probe of {url} answered HTTP {status}")
                : new ProbeResult(false, $"probe of {url} answered HTTP {status}, expected 2xx");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, $"probe of {url} got no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new ProbeResult(false, $"probe of {url} failed: {e.Message}");
        }
    }
}
