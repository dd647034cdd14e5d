using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Runs functions in process for the local Invoke API the way Lambda runs them: an instance is created
/// on first use (its cold start, where a configuration error surfaces), reused by later invocations,
/// and a second instance is created when one is busy, so no instance ever handles two events at once.
/// </summary>
internal sealed partial class LocalFunctionPool
{
    private readonly FunctionEnvironment _environment;
    private readonly IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> _functions;
    private readonly ConcurrentDictionary<string, ConcurrentBag<ILambdaFunction>> _idle = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public LocalFunctionPool(
        FunctionEnvironment environment,
        IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> functions)
    {
        _environment = environment;
        _functions = functions;
        _logger = environment.Loggers.CreateLogger("DialControl.Hosting.LocalInvoke");
    }

    /// <summary>
    /// Runs <paramref name="handler"/>; returns the response body and whether it is a function error.
    /// </summary>
    public async Task<(byte[] Body, bool FunctionError)> InvokeAsync(
        string handler, string functionName, string arn, TimeSpan timeout, ReadOnlyMemory<byte> payload)
    {
        var requestId = Guid.NewGuid().ToString();
        using var scope = InvocationScope.Begin(requestId, functionName);
        var (function, initError) = Take(handler);
        if (function is null)
        {
            LogFailed(_logger, functionName, initError!.ErrorType, initError.ErrorMessage);
            return (Serialize(initError), true);
        }

        try
        {
            var deadline = _environment.Time.GetUtcNow() + timeout;
            using var context = new InvocationContext(requestId, functionName, arn, deadline, null, _environment.Time);
            return (await function.InvokeAsync(payload, context) ?? "null"u8.ToArray(), false);
        }
#pragma warning disable CA1031 // Any exception of a handler is the caller's function error, as in Lambda.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = ErrorReport.From(exception);
            LogFailed(_logger, functionName, error.ErrorType, error.ErrorMessage);
            return (Serialize(error), true);
        }
        finally
        {
            _idle.GetOrAdd(handler, _ => []).Add(function);
        }
    }

    private (ILambdaFunction? Function, ErrorReport? InitError) Take(string handler)
    {
        if (_idle.TryGetValue(handler, out var idle) && idle.TryTake(out var warm))
        {
            return (warm, null);
        }

        try
        {
            return (_functions[handler](_environment), null);
        }
        catch (ConfigurationException exception)
        {
            return (null, new ErrorReport(ErrorReport.ConfigInvalid, exception.Message));
        }
#pragma warning disable CA1031 // A failed cold start is the caller's function error; the next call tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, ErrorReport.From(exception));
        }
    }

    // The caller sees the type and message only, as Lambda's Invoke API shows them; the log has the rest.
    private static byte[] Serialize(ErrorReport error) =>
        JsonSerializer.SerializeToUtf8Bytes(error with { StackTrace = null }, HostingJsonContext.Readable.ErrorReport);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "{Function} failed with {ErrorType}: {ErrorMessage}; answered with X-Amz-Function-Error: Unhandled")]
    private static partial void LogFailed(ILogger logger, string function, string errorType, string errorMessage);
}
