using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Lambda's log level names (the <c>AWS_LAMBDA_LOG_LEVEL</c> setting, which Lambda sets from the
/// function's logging configuration) and their Microsoft.Extensions.Logging equivalents.
/// </summary>
public static class LambdaLogLevel
{
    /// <summary>The setting that holds the level.</summary>
    public const string Setting = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The level when the setting is absent: INFO.</summary>
    public const LogLevel Default = LogLevel.Information;

    /// <summary>The accepted values, lowest first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

    /// <summary>
    /// Reads <paramref name="value"/> (case-insensitive); null or blank is <see cref="Default"/>. Returns
    /// false for anything else, with <paramref name="level"/> set to the default.
    /// </summary>
    public static bool TryParse(string? value, out LogLevel level)
    {
        level = Default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var index = IndexOf(value.Trim());
        if (index < 0)
        {
            return false;
        }

        level = (LogLevel)index;
        return true;
    }

    /// <summary>The Lambda name of <paramref name="level"/>: INFO for Information, FATAL for Critical.</summary>
    public static string Name(LogLevel level) =>
        level is >= LogLevel.Trace and <= LogLevel.Critical ? Names[(int)level] : "NONE";

    private static int IndexOf(string value)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
