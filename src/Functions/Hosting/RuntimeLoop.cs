using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// The Lambda Runtime API loop: take the next event, run the function with a fresh context, post the
/// response or the error, repeat. A handler's exception is posted as an invocation error and the loop
/// goes on; a failure of the Runtime API itself ends the loop with <see cref="RuntimeApiException"/>.
/// </summary>
internal sealed partial class RuntimeLoop : IDisposable
{
    /// <summary>The environment variable that carries the X-Ray trace header of the current invocation.</summary>
    public const string TraceVariable = "_X_AMZN_TRACE_ID";

    private readonly RuntimeApiClient _api;
    private readonly ILambdaFunction _function;
    private readonly string _functionName;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int, bool> _stopWhen;

    /// <summary>Creates the loop.</summary>
    /// <param name="runtimeApi">The Runtime API base URL (<see cref="RuntimeApiClient.BaseUri"/>).</param>
    /// <param name="function">The function to run.</param>
    /// <param name="functionName">The function's name, for contexts and log lines.</param>
    /// <param name="time">The clock for deadlines and cancellation.</param>
    /// <param name="logger">Where the loop logs failures.</param>
    /// <param name="stopWhen">Asked with the count of handled invocations before each wait; true stops.
    /// Lambda never stops the loop; tests do.</param>
    public RuntimeLoop(
        Uri runtimeApi,
        ILambdaFunction function,
        string functionName,
        TimeProvider time,
        ILogger logger,
        Func<int, bool>? stopWhen = null)
    {
        _api = new RuntimeApiClient(runtimeApi);
        _function = function;
        _functionName = functionName;
        _time = time;
        _logger = logger;
        _stopWhen = stopWhen ?? (_ => false);
    }

    /// <summary>Handles invocations until the stop condition or cancellation; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        try
        {
            while (!_stopWhen(handled))
            {
                var invocation = await _api.NextAsync(cancellationToken);
                await HandleAsync(invocation, cancellationToken);
                handled++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped from outside (tests, the local host): not an error.
        }

        return handled;
    }

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();

    private async Task HandleAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        using var scope = InvocationScope.Begin(invocation.RequestId, _functionName);
        Environment.SetEnvironmentVariable(TraceVariable, invocation.TraceId);
        using var context = new InvocationContext(
            invocation.RequestId,
            _functionName,
            invocation.InvokedFunctionArn,
            invocation.Deadline,
            invocation.TraceId,
            _time);
        var started = _time.GetTimestamp();
        byte[] response;
        try
        {
            response = await _function.InvokeAsync(invocation.Payload, context) ?? "null"u8.ToArray();
        }
#pragma warning disable CA1031 // Any exception of a handler becomes an invocation error; the loop must survive it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = ErrorReport.From(exception);
            var failedAfterMs = Elapsed(started);
            LogHandlerFailed(_logger, _functionName, failedAfterMs, error.ErrorType, error.ErrorMessage, exception);
            Refused(await _api.PostInvocationErrorAsync(invocation.RequestId, error, cancellationToken), "error");
            return;
        }

        var elapsedMs = Elapsed(started);
        LogInvocationFinished(_logger, _functionName, elapsedMs, response.Length);
        Refused(await _api.PostResponseAsync(invocation.RequestId, response, cancellationToken), "response");
    }

    private void Refused(string? refusal, string document)
    {
        if (refusal is not null)
        {
            LogPostRefused(_logger, document, refusal);
        }
    }

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Error, Message =
        "{Function} failed after {ElapsedMs} ms with {ErrorType}: {ErrorMessage}; reported as an invocation " +
        "error, the runtime takes the next event")]
    private static partial void LogHandlerFailed(
        ILogger logger, string function, long elapsedMs, string errorType, string errorMessage, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message =
        "{Function} finished in {ElapsedMs} ms with a response of {ResponseBytes} bytes")]
    private static partial void LogInvocationFinished(
        ILogger logger, string function, long elapsedMs, int responseBytes);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "The Runtime API refused the {Document} of this invocation ({Refusal}); Lambda reports the invocation as " +
        "failed, and the runtime takes the next event")]
    private static partial void LogPostRefused(ILogger logger, string document, string refusal);
}
