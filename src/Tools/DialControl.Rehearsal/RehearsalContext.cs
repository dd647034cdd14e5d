using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DialControl.Rehearsal;

/// <summary>What every scenario works with: the estate, the timeline and the two regional Invoke APIs.</summary>
internal sealed class RehearsalContext(
    Estate estate, Timeline timeline, Uri primaryLambda, Uri standbyLambda, ServiceQuotasStandIn quotas) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    public Estate Estate { get; } = estate;

    public Timeline Timeline { get; } = timeline;

    public Uri PrimaryLambda { get; } = primaryLambda;

    public Uri StandbyLambda { get; } = standbyLambda;

    public ServiceQuotasStandIn Quotas { get; } = quotas;

    /// <summary>Invokes <paramref name="function"/> through a local Lambda Invoke API, as the AWS CLI would.</summary>
    public async Task<JsonNode?> InvokeAsync(Uri lambda, string function, JsonNode payload)
    {
        var url = new Uri(lambda, $"/2015-03-31/functions/{function}/invocations");
        using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.Headers.TryGetValues("X-Amz-Function-Error", out var error))
        {
            throw new InvalidOperationException($"{function} failed ({string.Join(",", error)}): {body}");
        }

        response.EnsureSuccessStatusCode();
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    public void Dispose() => _http.Dispose();
}
