using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DialControl.Testing;

/// <summary>What the capture endpoint received.</summary>
public sealed record CapturedRequest(
    string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>A canned answer: status, body and headers.</summary>
public sealed record CannedResponse(int Status, string Body, string ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that records every request and answers from a script of canned
/// responses (the last one repeats). It stands in for an AWS endpoint in contract and fault tests.
/// </summary>
public sealed class CaptureServer : LoopbackHttpServer
{
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private CannedResponse _last = new(200, "{}");

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    /// <summary>Queues the next answers.</summary>
    public CaptureServer Answer(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    /// <inheritdoc />
    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        var headers = context.Request.Headers.AllKeys
            .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
        _requests.Enqueue(new CapturedRequest(
            context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body, DateTimeOffset.UtcNow));
        var answer = _script.TryDequeue(out var next) ? _last = next : _last;
        foreach (var (key, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[key] = value;
        }

        context.Response.Headers["x-amzn-RequestId"] = $"req-{_requests.Count}";
        await WriteAsync(context.Response, answer.Status, answer.ContentType, answer.Body);
    }
}

/// <summary>Picks a free TCP port on the loopback interface.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on at the time of the call.</summary>
    public static int Next()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
