using System.Collections;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Builds the <see cref="FunctionEnvironment"/> functions get in Lambda (and in the local Invoke API
/// started from the bootstrap): settings from environment variables, the system clock, JSON-lines
/// logs and Embedded Metric Format metrics on the output, AWS clients honouring endpoint overrides.
/// </summary>
public static class LambdaEnvironment
{
    /// <summary>This process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            settings[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return settings;
    }

    /// <summary>
    /// The environment over <paramref name="settings"/>, writing logs and metrics to <paramref name="output"/>.
    /// </summary>
    public static FunctionEnvironment Create(
        IReadOnlyDictionary<string, string> settings,
        LogLineWriter output,
        TimeProvider time,
        ILoggerFactory loggers,
        string functionName) =>
        new(settings, time, loggers, new EmbeddedMetrics(output, time, functionName), new AwsClientFactory(settings));

    /// <summary>
    /// The environment over <paramref name="settings"/> with the system clock, writing to
    /// <paramref name="output"/> at the level AWS_LAMBDA_LOG_LEVEL names (INFO when unset or invalid).
    /// </summary>
    public static FunctionEnvironment Create(IReadOnlyDictionary<string, string> settings, TextWriter output)
    {
        var hosting = HostingSettings.Read(settings);
        var lines = new LogLineWriter(output);
        var loggers = JsonLineLoggerProvider.CreateFactory(
            lines, TimeProvider.System, hosting.LogLevel, hosting.FunctionName);
        return Create(settings, lines, TimeProvider.System, loggers, hosting.FunctionName);
    }
}
