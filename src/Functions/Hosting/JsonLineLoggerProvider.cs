using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Microsoft.Extensions.Logging provider that writes one JSON object per line, with fixed keys first:
/// <c>time</c> (ISO-8601 UTC), <c>level</c> (Lambda's names: INFO, WARN, ...), <c>message</c>,
/// <c>requestId</c>, <c>function</c>, <c>category</c>; then the named values of the message template
/// and of any scopes; then <c>exceptionType</c> and <c>exceptionMessage</c> when an exception is
/// logged. Sensitive fields are redacted (<see cref="LogRedaction"/>).
/// </summary>
public sealed class JsonLineLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Creates the provider.</summary>
    /// <param name="output">Where the lines go (stdout in Lambda).</param>
    /// <param name="time">The clock that stamps each line.</param>
    /// <param name="minimumLevel">Lines below this level are not written.</param>
    /// <param name="functionName">The <c>function</c> of lines written outside an invocation.</param>
    public JsonLineLoggerProvider(LogLineWriter output, TimeProvider time, LogLevel minimumLevel, string functionName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        Output = output;
        Time = time;
        MinimumLevel = minimumLevel;
        FunctionName = functionName;
    }

    internal LogLineWriter Output { get; }

    internal TimeProvider Time { get; }

    internal LogLevel MinimumLevel { get; }

    internal string FunctionName { get; }

    internal IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    /// <summary>A logger factory with this provider only, filtering at <paramref name="minimumLevel"/>.</summary>
    public static ILoggerFactory CreateFactory(
        LogLineWriter output, TimeProvider time, LogLevel minimumLevel, string functionName)
    {
        var provider = new JsonLineLoggerProvider(output, time, minimumLevel, functionName);
        return new LoggerFactory([provider], new LoggerFilterOptions { MinLevel = minimumLevel });
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(categoryName, this);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing is buffered: every line is flushed when it is written.
    }
}
