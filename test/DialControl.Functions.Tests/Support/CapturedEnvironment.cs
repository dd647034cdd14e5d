using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DialControl.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionEnvironment"/> as Lambda builds it (JSON-lines logs, EMF metrics), on a fake
/// clock, with everything written captured for assertions.
/// </summary>
public sealed class CapturedEnvironment
{
    /// <summary>The fake clock's start: 2026-01-15 12:00:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly StringBuilder _output = new();

    public CapturedEnvironment(
        IReadOnlyDictionary<string, string>? settings = null,
        LogLevel level = LogLevel.Trace,
        string functionName = "test-function",
        TimeProvider? time = null)
    {
        Settings = settings ?? new Dictionary<string, string>();
        Time = time ?? new FakeTimeProvider(Start);
        Output = new LogLineWriter(new StringWriter(_output));
        Loggers = JsonLineLoggerProvider.CreateFactory(Output, Time, level, functionName);
        Environment = LambdaEnvironment.Create(Settings, Output, Time, Loggers, functionName);
    }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public TimeProvider Time { get; }

    /// <summary>The fake clock, when the environment was built with one.</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)Time;

    public LogLineWriter Output { get; }

    public ILoggerFactory Loggers { get; }

    public FunctionEnvironment Environment { get; }

    /// <summary>Every line written so far, as text.</summary>
    public IReadOnlyList<string> Lines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every line written so far, parsed.</summary>
    public IReadOnlyList<JsonObject> Json => [.. Lines.Select(line => JsonNode.Parse(line)!.AsObject())];
}
