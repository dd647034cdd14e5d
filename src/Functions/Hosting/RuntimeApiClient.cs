using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DialControl.Functions.Hosting;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) at <c>AWS_LAMBDA_RUNTIME_API</c>: next invocation,
/// response, invocation error and init error. A 4xx on a post is returned to the caller to log; a 5xx
/// or a malformed next invocation throws <see cref="RuntimeApiException"/>, since the documented
/// reaction to those is to exit.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    /// <summary>The Runtime API version in every path.</summary>
    public const string ApiVersion = "2018-06-01";

    /// <summary>The header that carries the error type of an invocation or init error.</summary>
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    /// <summary>A client of the Runtime API at <paramref name="baseUri"/>.</summary>
    public RuntimeApiClient(Uri baseUri)
    {
        // No proxy: the Runtime API is on the sandbox's loopback, and HTTP_PROXY must not divert it.
        // No timeout: the next-invocation call blocks until an event arrives, by design.
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        _http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The base URL for <c>AWS_LAMBDA_RUNTIME_API</c>, which Lambda gives as host:port.</summary>
    public static Uri BaseUri(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        var text = runtimeApi.Contains("://", StringComparison.Ordinal) ? runtimeApi : "http://" + runtimeApi;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>Waits for the next event (GET /runtime/invocation/next).</summary>
    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"{ApiVersion}/runtime/invocation/next", cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(
                $"GET /runtime/invocation/next answered HTTP {(int)response.StatusCode}; the runtime exits.");
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("The next invocation has no Lambda-Runtime-Aws-Request-Id header.");
        var deadlineText = Header(response, "Lambda-Runtime-Deadline-Ms");
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException(
                $"Invocation {requestId} has Lambda-Runtime-Deadline-Ms '{deadlineText}', not epoch milliseconds.");
        }

        return new RuntimeInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? string.Empty,
            Header(response, "Lambda-Runtime-Trace-Id"),
            payload);
    }

    /// <summary>Posts a handler's result; returns null when accepted, else what the API said.</summary>
    public Task<string?> PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        PostAsync(InvocationPath(requestId, "response"), body, null, cancellationToken);

    /// <summary>Posts a handler's failure; returns null when accepted, else what the API said.</summary>
    public Task<string?> PostInvocationErrorAsync(
        string requestId, ErrorReport error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = JsonSerializer.SerializeToUtf8Bytes(error, HostingJsonContext.Readable.ErrorReport);
        return PostAsync(InvocationPath(requestId, "error"), body, error.ErrorType, cancellationToken);
    }

    /// <summary>Posts a failure to initialise; returns null when accepted, else what the API said.</summary>
    public Task<string?> PostInitErrorAsync(ErrorReport error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = JsonSerializer.SerializeToUtf8Bytes(error, HostingJsonContext.Readable.ErrorReport);
        return PostAsync($"{ApiVersion}/runtime/init/error", body, error.ErrorType, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string InvocationPath(string requestId, string document) =>
        $"{ApiVersion}/runtime/invocation/{Uri.EscapeDataString(requestId)}/{document}";

    private async Task<string?> PostAsync(
        string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            throw new RuntimeApiException($"POST /{path} answered HTTP {status} ({detail}); the runtime exits.");
        }

        return $"HTTP {status}: {detail}";
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
