using System.Net;
using System.Text;

namespace DialControl.Testing;

/// <summary>
/// An HTTP endpoint on a free 127.0.0.1 port that answers one request at a time, as an AWS client
/// sends them: the listener, the accept loop and the shutdown that the test stand-ins share.
/// Subclasses say only how a request is answered.
/// </summary>
public abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts listening on a free loopback port.</summary>
    protected LoopbackHttpServer()
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

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops listening; requests in flight are cut off.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }
    }

    /// <summary>Answers one request; the response is closed afterwards.</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

    /// <summary>The request body as text.</summary>
    protected static async Task<string> ReadBodyAsync(HttpListenerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Writes status, content type and body.</summary>
    protected static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = contentType;
        await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    private static async Task TryWriteFailureAsync(HttpListenerResponse response, Exception exception)
    {
        try
        {
            await WriteAsync(response, 500, "text/plain", $"{exception.GetType().Name}: {exception.Message}");
        }
        catch (Exception) when (exception is not OutOfMemoryException)
        {
            // Headers already sent or the client gone: closing the response is all that is left.
        }
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
            catch (Exception exception) when (_stop.IsCancellationRequested
                || exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A stand-in that cannot answer says so with a 500 instead of going quiet for good.
                await TryWriteFailureAsync(context.Response, exception);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }
}
