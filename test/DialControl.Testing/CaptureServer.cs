using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
public sealed class CaptureServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private CannedResponse _last = new(200, "{}");

    /// <summary>Starts listening on a free loopback port.</summary>
    public CaptureServer()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>The endpoint URL to point a client at.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

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
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys
            .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
        _requests.Enqueue(new CapturedRequest(
            context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body, DateTimeOffset.UtcNow));
        var answer = _script.TryDequeue(out var next) ? _last = next : _last;
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        foreach (var (key, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[key] = value;
        }

        context.Response.Headers["x-amzn-RequestId"] = $"req-{_requests.Count}";
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
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
