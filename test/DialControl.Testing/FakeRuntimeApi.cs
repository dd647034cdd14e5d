using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace DialControl.Testing;

/// <summary>An event the fake Runtime API hands out; its deadline is set when it is handed out.</summary>
public sealed record RuntimeApiEvent(
    string RequestId,
    string Payload,
    TimeSpan Budget,
    string? TraceId = null,
    string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:test");

/// <summary>
/// What the runtime posted: <c>response</c>, <c>error</c> (invocation error) or <c>init-error</c>, with the
/// request id, body, error-type header, the deadline the event had and when the post arrived
/// (<see cref="Stopwatch"/> timestamp, for the cold-start benchmark).
/// </summary>
public sealed record RuntimeApiPost(
    string Kind, string? RequestId, string Body, string? ErrorType, string? ContentType, DateTimeOffset? Deadline,
    DateTimeOffset ReceivedAt, long ReceivedTimestamp);

/// <summary>
/// The Lambda Runtime API (2018-06-01) on 127.0.0.1 at a free port, for running a bootstrap outside
/// Lambda: hands out queued events to GET next (blocking while none is queued, as Lambda does) and
/// records every response, invocation error and init error.
/// </summary>
public sealed class FakeRuntimeApi : IDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener _listener = new();
    private readonly Channel<RuntimeApiEvent> _events = Channel.CreateUnbounded<RuntimeApiEvent>();
    private readonly ConcurrentQueue<RuntimeApiPost> _posts = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _deadlines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _clock;
    private int _nextCalls;

    /// <summary>
    /// Starts listening; deadlines are computed on <paramref name="clock"/> (the system clock by default).
    /// </summary>
    public FakeRuntimeApi(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>What AWS_LAMBDA_RUNTIME_API holds: host:port.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>The base URL.</summary>
    public Uri BaseUrl => new($"http://{Address}/");

    /// <summary>The status the API answers posts with (default 202 Accepted).</summary>
    public int PostStatus { get; set; } = 202;

    /// <summary>How many GET next calls arrived.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary>Every post, in order of arrival.</summary>
    public IReadOnlyList<RuntimeApiPost> Posts => [.. _posts];

    /// <summary>Queues events for GET next.</summary>
    public FakeRuntimeApi Enqueue(params RuntimeApiEvent[] events)
    {
        foreach (var item in events)
        {
            _events.Writer.TryWrite(item);
        }

        return this;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> posts have arrived; returns them.</summary>
    public async Task<IReadOnlyList<RuntimeApiPost>> WaitForPostsAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (_posts.Count < count)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"The fake Runtime API got {_posts.Count} of {count} posts within {timeout.TotalSeconds} s " +
                    $"({NextCalls} GET next calls).");
            }

            await Task.Delay(10);
        }

        return Posts;
    }

    /// <summary>Waits (bounded) until the runtime has asked for an event <paramref name="count"/> times.</summary>
    public async Task WaitForNextCallsAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (NextCalls < count)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The runtime made {NextCalls} of {count} GET next calls within {timeout}.");
            }

            await Task.Delay(10);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _events.Writer.TryComplete();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException
                or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await NextAsync(context.Response);
                return;
            }

            var post = await RecordAsync(context.Request, path);
            context.Response.StatusCode = post is null ? 404 : PostStatus;
            var body = Encoding.UTF8.GetBytes(post is null ? "{\"errorType\":\"NotFound\"}" : "{\"status\":\"OK\"}");
            await context.Response.OutputStream.WriteAsync(body);
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException
            or OperationCanceledException or ChannelClosedException)
        {
            // The test is over or the runtime went away.
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (ObjectDisposedException)
            {
                // Closed with the listener.
            }
        }
    }

    private async Task NextAsync(HttpListenerResponse response)
    {
        Interlocked.Increment(ref _nextCalls);
        var next = await _events.Reader.ReadAsync(_stop.Token);
        var deadline = _clock.GetUtcNow() + next.Budget;
        _deadlines[next.RequestId] = deadline;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] =
            deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = next.FunctionArn;
        if (next.TraceId is not null)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        }

        var body = Encoding.UTF8.GetBytes(next.Payload);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    private async Task<RuntimeApiPost?> RecordAsync(HttpListenerRequest request, string path)
    {
        var timestamp = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var (kind, requestId) = Classify(request.HttpMethod, path);
        if (kind is null)
        {
            return null;
        }

        DateTimeOffset? deadline = requestId is not null && _deadlines.TryGetValue(requestId, out var d) ? d : null;
        var post = new RuntimeApiPost(kind, requestId, body, request.Headers["Lambda-Runtime-Function-Error-Type"],
            request.ContentType, deadline, _clock.GetUtcNow(), timestamp);
        _posts.Enqueue(post);
        return post;
    }

    private static (string? Kind, string? RequestId) Classify(string method, string path)
    {
        if (method != "POST" || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = path[Prefix.Length..].Split('/');
        return rest switch
        {
            ["init", "error"] => ("init-error", null),
            ["invocation", var id, "response"] => ("response", Uri.UnescapeDataString(id)),
            ["invocation", var id, "error"] => ("error", Uri.UnescapeDataString(id)),
            _ => (null, null),
        };
    }
}
