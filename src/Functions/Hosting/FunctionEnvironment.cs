using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// What a function is built from at cold start: its settings (environment variables), the clock, the
/// logger factory, the metrics sink and the AWS client factory. Tests build one with fakes.
/// </summary>
public sealed class FunctionEnvironment
{
    /// <summary>Creates an environment.</summary>
    public FunctionEnvironment(
        IReadOnlyDictionary<string, string> settings,
        TimeProvider time,
        ILoggerFactory loggers,
        IMetrics metrics,
        AwsClientFactory aws)
    {
        Settings = settings;
        Time = time;
        Loggers = loggers;
        Metrics = metrics;
        Aws = aws;
    }

    /// <summary>The function's environment variables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The clock; never DateTime.Now.</summary>
    public TimeProvider Time { get; }

    /// <summary>Creates the JSON-lines loggers.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>Where metrics go (CloudWatch Embedded Metric Format on stdout in Lambda).</summary>
    public IMetrics Metrics { get; }

    /// <summary>Creates AWS clients for a region, honouring the standard endpoint overrides.</summary>
    public AwsClientFactory Aws { get; }

    /// <summary>The value of <paramref name="name"/>, or null when unset or blank.</summary>
    public string? Get(string name) =>
        Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
