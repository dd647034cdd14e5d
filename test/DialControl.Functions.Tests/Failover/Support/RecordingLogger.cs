using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>One log line as a test sees it: level, rendered message and the named fields.</summary>
public sealed record LoggedLine(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

/// <summary>A logger that keeps every line, for assertions on what was logged.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<LoggedLine> _lines = new();

    public IReadOnlyList<LoggedLine> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        _lines.Enqueue(new LoggedLine(logLevel, formatter(state, exception), fields));
    }
}
