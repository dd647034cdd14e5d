using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// A local Lambda Invoke API, as <c>sam local start-lambda</c> offers: serves
/// <c>POST /2015-03-31/functions/{name}/invocations</c> on 127.0.0.1 and runs the named function in
/// process through the same handler table as the bootstrap. Point an AWS SDK (or
/// <c>AWS_ENDPOINT_URL_LAMBDA</c>) at <see cref="Url"/>. Answers as Lambda does: 200 with the response;
/// 200 with <c>X-Amz-Function-Error: Unhandled</c> and <c>{errorType, errorMessage}</c> when the
/// function throws or cannot start; 404 <c>ResourceNotFoundException</c> for an unknown function;
/// 202 for <c>X-Amz-Invocation-Type: Event</c> (run in the background); 204 for <c>DryRun</c>.
/// </summary>
public sealed partial class LocalInvokeServer : IAsyncDisposable, IDisposable
{
    /// <summary>Lambda's synchronous payload limit: 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private const string PathPrefix = "/2015-03-31/functions/";
    private const string PathSuffix = "/invocations";

    private readonly FunctionEnvironment _environment;
    private readonly LocalInvokeOptions _options;
    private readonly IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> _functions;
    private readonly LocalFunctionPool _pool;
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private Task _accepting = Task.CompletedTask;

    /// <summary>Creates the server; functions get <paramref name="environment"/> (point it at moto in tests).</summary>
    public LocalInvokeServer(FunctionEnvironment environment, LocalInvokeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _options = options ?? new LocalInvokeOptions();
        _functions = _options.Functions ?? FunctionCatalog.All;
        _pool = new LocalFunctionPool(environment, _functions);
        _logger = environment.Loggers.CreateLogger("DialControl.Hosting.LocalInvoke");
        Region = environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION") ?? "us-east-1";
    }

    /// <summary>The port listened on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>The endpoint to give an AWS SDK, once started: <c>http://127.0.0.1:{Port}</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>The region in the ARNs given to functions: AWS_REGION, else us-east-1.</summary>
    public string Region { get; }

    /// <summary>Starts listening; returns once requests are accepted.</summary>
    public void Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = _options.Port != 0 ? _options.Port : FreePort();
            // Both names of the loopback address: SDKs send the Host header of the endpoint they were given.
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Prefixes.Add($"http://localhost:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (_options.Port == 0 && attempt < 5)
            {
                // Another process took the free port between the probe and the bind; probe again.
                _listener.Prefixes.Clear();
            }
        }

        _accepting = AcceptAsync();
        var served = FunctionCatalog.Describe(_functions.Keys);
        LogListening(_logger, Url, served);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Close();
        await _accepting;
        // Background (Event) invocations and requests in progress finish first, within a bound.
        await Task.WhenAll(_inFlight.Keys).WaitAsync(TimeSpan.FromSeconds(30))
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext http;
            try
            {
                http = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException
                or InvalidOperationException)
            {
                return;
            }

            Track(ServeAsync(http));
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = true;
        _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task ServeAsync(HttpListenerContext http)
    {
        var response = http.Response;
        try
        {
            await RouteAsync(http.Request, response);
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
            // The client went away (or HttpListener already answered it, as with 411 for a POST without
            // Content-Length); there is no one left to answer.
            var reason = exception.GetType().Name;
            LogClientGone(_logger, http.Request.RawUrl ?? "/", reason);
        }
#pragma warning disable CA1031 // A bug in one request must answer 500, not stop the server.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogServeFailed(_logger, http.Request.RawUrl ?? "/", exception.Message, exception);
            await TryWriteAsync(
                response, 500, "ServiceException", "Service", $"Local Invoke API failed: {exception.Message}");
        }
        finally
        {
            response.Close();
        }
    }

    private async Task RouteAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var requested = RequestedFunction(request);
        if (requested is null)
        {
            await WriteServiceErrorAsync(response, 404, "UnknownOperationException", "User",
                $"{request.HttpMethod} {request.Url?.AbsolutePath} is not served; this local Lambda API serves " +
                $"POST {PathPrefix}{{FunctionName}}{PathSuffix} only.");
            return;
        }

        var name = LambdaFunctionName.Of(requested);
        var handler = Resolve(name);
        var arn = LambdaFunctionName.Arn(Region, _options.AccountId, name);
        if (handler is null)
        {
            LogUnknownFunction(_logger, requested);
            await WriteServiceErrorAsync(response, 404, "ResourceNotFoundException", "User",
                $"Function not found: {arn}; this local Invoke API serves: " +
                $"{FunctionCatalog.Describe(_functions.Keys.Concat(_options.Aliases.Keys))}");
            return;
        }

        await InvokeAsync(request, response, handler, name, arn);
    }

    private async Task InvokeAsync(
        HttpListenerRequest request, HttpListenerResponse response, string handler, string name, string arn)
    {
        var invocationType = request.Headers["X-Amz-Invocation-Type"] ?? "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            await WriteServiceErrorAsync(response, 400, "InvalidParameterValueException", "User",
                $"X-Amz-Invocation-Type '{invocationType}' is not one of RequestResponse, Event, DryRun.");
            return;
        }

        var payload = await ReadPayloadAsync(request);
        if (payload is null)
        {
            await WriteServiceErrorAsync(response, 413, "RequestTooLargeException", "User",
                $"Request must be smaller than {MaxPayloadBytes} bytes for the InvokeFunction operation");
            return;
        }

        if (invocationType != "RequestResponse")
        {
            if (invocationType == "Event")
            {
                Track(_pool.InvokeAsync(handler, name, arn, _options.Timeout, payload));
            }

            response.StatusCode = invocationType == "Event" ? 202 : 204;
            return;
        }

        var (body, functionError) = await _pool.InvokeAsync(handler, name, arn, _options.Timeout, payload);
        if (functionError)
        {
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        await WriteAsync(response, 200, body);
    }

    private string? Resolve(string name)
    {
        if (_functions.ContainsKey(name))
        {
            return name;
        }

        return _options.Aliases.TryGetValue(name, out var handler) && _functions.ContainsKey(handler) ? handler : null;
    }

    private static string? RequestedFunction(HttpListenerRequest request)
    {
        var path = request.RawUrl ?? "/";
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = query < 0 ? path : path[..query];
        if (request.HttpMethod != "POST" || !path.StartsWith(PathPrefix, StringComparison.Ordinal)
            || !path.EndsWith(PathSuffix, StringComparison.Ordinal)
            || path.Length <= PathPrefix.Length + PathSuffix.Length)
        {
            return null;
        }

        var name = Uri.UnescapeDataString(path[PathPrefix.Length..^PathSuffix.Length]);
        return name.Contains('/', StringComparison.Ordinal) ? null : name;
    }

    private static async Task<byte[]?> ReadPayloadAsync(HttpListenerRequest request)
    {
        // The body is read to its end even when too large: answering before the client has sent it all
        // would reset the connection, and the client would see a broken pipe instead of the 413.
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        var tooLarge = request.ContentLength64 > MaxPayloadBytes;
        int read;
        while ((read = await request.InputStream.ReadAsync(buffer)) > 0)
        {
            tooLarge |= body.Length + read > MaxPayloadBytes;
            if (!tooLarge)
            {
                body.Write(buffer, 0, read);
            }
        }

        return tooLarge ? null : body.ToArray();
    }

    private static Task WriteServiceErrorAsync(
        HttpListenerResponse response, int status, string errorType, string type, string message)
    {
        response.Headers["x-amzn-ErrorType"] = errorType;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new LambdaServiceError(type, message), HostingJsonContext.Readable.LambdaServiceError);
        return WriteAsync(response, status, body);
    }

    private static async Task TryWriteAsync(
        HttpListenerResponse response, int status, string errorType, string type, string message)
    {
        try
        {
            await WriteServiceErrorAsync(response, status, errorType, type, message);
        }
        catch (Exception exception) when (exception is HttpListenerException or InvalidOperationException
            or ObjectDisposedException)
        {
            // The headers were already sent or the client left; nothing more can be said to it.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Local Lambda Invoke API listening on {Url}; functions: {Functions}")]
    private static partial void LogListening(ILogger logger, Uri url, string functions);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Invoke of unknown function {Requested}; answered 404 ResourceNotFoundException")]
    private static partial void LogUnknownFunction(ILogger logger, string requested);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client of {Path} went away before its answer ({Reason})")]
    private static partial void LogClientGone(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local Invoke API failed serving {Path}: {Reason}; answered 500")]
    private static partial void LogServeFailed(ILogger logger, string path, string reason, Exception exception);
}
