using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>One category's logger of <see cref="JsonLineLoggerProvider"/>.</summary>
internal sealed class JsonLineLogger(string category, JsonLineLoggerProvider provider) : ILogger
{
    // Log lines are read in CloudWatch, not embedded in HTML: '<', '&' and non-ASCII stay readable.
    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> FixedKeys = new(StringComparer.Ordinal)
    {
        "time", "level", "message", "requestId", "function", "category", "exceptionType", "exceptionMessage",
    };

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        byte[] line;
        try
        {
            line = Format(logLevel, state, exception, formatter);
        }
#pragma warning disable CA1031 // A log line that cannot be rendered must not fail the handler that logged it.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            line = Fallback(logLevel, failure);
        }

        provider.Output.WriteLine(line);
    }

    private byte[] Format<TState>(
        LogLevel logLevel, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            json.WriteStartObject();
            WriteFixedKeys(json, logLevel, Message(state, exception, formatter, values));
            var written = new HashSet<string>(StringComparer.Ordinal);
            WriteValues(json, values, written);
            provider.Scopes.ForEachScope(
                (scope, seen) => WriteValues(json, scope as IEnumerable<KeyValuePair<string, object?>> ?? [], seen),
                written);
            if (exception is not null)
            {
                json.WriteString("exceptionType", exception.GetType().Name);
                json.WriteString("exceptionMessage", exception.Message);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private byte[] Fallback(LogLevel logLevel, Exception failure)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            var message = $"A {category} log line could not be written: {failure.GetType().Name}: {failure.Message}";
            WriteFixedKeys(json, logLevel, message);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Message<TState>(
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter,
        IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        foreach (var (key, value) in values)
        {
            if (key == LogTemplate.FormatKey && value is string format)
            {
                return LogTemplate.Render(format, values);
            }
        }

        return formatter(state, exception);
    }

    private void WriteFixedKeys(Utf8JsonWriter json, LogLevel logLevel, string message)
    {
        var invocation = InvocationScope.Current;
        json.WriteString("time", LogValueWriter.Iso8601(provider.Time.GetUtcNow()));
        json.WriteString("level", LambdaLogLevel.Name(logLevel));
        json.WriteString("message", message);
        if (invocation is null)
        {
            json.WriteNull("requestId");
        }
        else
        {
            json.WriteString("requestId", invocation.RequestId);
        }

        json.WriteString("function", invocation?.FunctionName ?? provider.FunctionName);
        json.WriteString("category", category);
    }

    private static void WriteValues(
        Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values, HashSet<string> written)
    {
        foreach (var (key, value) in values)
        {
            if (key == LogTemplate.FormatKey)
            {
                continue;
            }

            // A template hole named like a fixed key keeps its value under "field.<name>".
            var name = FixedKeys.Contains(key) ? "field." + key : key;
            if (written.Add(name))
            {
                LogValueWriter.WriteField(json, name, value);
            }
        }
    }
}
