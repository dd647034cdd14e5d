using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Hosting;

/// <summary>
/// The settings the bootstrap itself reads, all set by Lambda: the Runtime API address, the handler,
/// the function name and the log level. An invalid log level is a configuration problem, reported
/// with the function's own in the init error.
/// </summary>
/// <param name="RuntimeApi">AWS_LAMBDA_RUNTIME_API (host:port), or null outside Lambda.</param>
/// <param name="Handler">_HANDLER, or null when unset.</param>
/// <param name="FunctionName">AWS_LAMBDA_FUNCTION_NAME, else the handler, else "bootstrap".</param>
/// <param name="LogLevel">From AWS_LAMBDA_LOG_LEVEL; INFO when unset or invalid.</param>
/// <param name="Problems">Invalid settings found.</param>
internal sealed record HostingSettings(
    string? RuntimeApi, string? Handler, string FunctionName, LogLevel LogLevel, IReadOnlyList<string> Problems)
{
    /// <summary>The Runtime API address setting.</summary>
    public const string RuntimeApiSetting = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The handler setting: which DialControl function this process runs.</summary>
    public const string HandlerSetting = "_HANDLER";

    /// <summary>The function name setting.</summary>
    public const string FunctionNameSetting = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>Reads the bootstrap's settings from <paramref name="settings"/>.</summary>
    public static HostingSettings Read(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var levelText = Get(settings, LambdaLogLevel.Setting);
        if (!LambdaLogLevel.TryParse(levelText, out var level))
        {
            problems.Add($"{LambdaLogLevel.Setting} is '{levelText}'; expected one of " +
                $"{string.Join(", ", LambdaLogLevel.Names)} (default INFO)");
        }

        var handler = Get(settings, HandlerSetting);
        var name = Get(settings, FunctionNameSetting) ?? handler ?? "bootstrap";
        return new HostingSettings(Get(settings, RuntimeApiSetting), handler, name, level, problems);
    }

    private static string? Get(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
