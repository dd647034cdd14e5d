using System.Globalization;
using System.Text.RegularExpressions;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Quotas;

/// <summary>The BedrockQuota function's settings, validated once at cold start.</summary>
internal sealed class BedrockQuotaOptions
{
    /// <summary>The watched models.</summary>
    public required IReadOnlyList<BedrockModel> Models { get; init; }

    /// <summary>WARNING at or above this percentage of a quota. Default 80; 1 to 99.</summary>
    public double WarningPercent { get; init; } = 80;

    /// <summary>Minutes of metrics read per run, ending at the last whole minute. Default 5; 1 to 60.</summary>
    public int WindowMinutes { get; init; } = 5;

    /// <summary>
    /// The utilisation an increase is sized for: desired = ceil(peak / target). Default 60; above 0 and
    /// below <see cref="WarningPercent"/>, so a granted increase clears the warning.
    /// </summary>
    public double TargetPercent { get; init; } = 60;

    /// <summary>Largest TPM value that may be requested when a model sets no cap; null: none.</summary>
    public double? RequestCapTpm { get; init; }

    /// <summary>
    /// Largest RPM value that may be requested when a model sets no cap; null: RPM is never requested.
    /// </summary>
    public double? RequestCapRpm { get; init; }

    /// <summary>Whether increases are requested automatically. Default false: they are recommended.</summary>
    public bool AutoRequest { get; init; }

    /// <summary>Decide, log and announce (marked dryRun), but request nothing. Default false.</summary>
    public bool DryRun { get; init; }

    /// <summary>The SNS topic for level-change messages, or null for none.</summary>
    public string? SnsTopicArn { get; init; }

    /// <summary>The EventBridge bus for level-change events. Default <c>default</c>.</summary>
    public string EventBusName { get; init; } = "default";

    /// <summary>The DynamoDB state table (<c>STATE_TABLE</c>).</summary>
    public required string StateTable { get; init; }

    /// <summary>The function's region: where the state table, bus and topic are.</summary>
    public required string HomeRegion { get; init; }

    /// <summary>The TPM cap for <paramref name="model"/>: its own, else the global one.</summary>
    public double? TpmCapFor(BedrockModel model) => model.RequestCapTpm ?? RequestCapTpm;

    /// <summary>The RPM cap for <paramref name="model"/>: its own, else the global one.</summary>
    public double? RpmCapFor(BedrockModel model) => model.RequestCapRpm ?? RequestCapRpm;
}

/// <summary>Builds <see cref="BedrockQuotaOptions"/> from settings; every bad setting is reported at once.</summary>
internal static partial class BedrockQuotaOptionsReader
{
    /// <summary>Reads and validates; throws <see cref="ConfigurationException"/> naming every problem.</summary>
    public static BedrockQuotaOptions Read(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var problems = new List<string>();
        var models = BedrockModelsParser.Parse(get(QuotaSettings.Models), problems);
        var warning = Number(get, QuotaSettings.WarningPercent, 80, 1, 99, problems);
        var target = Number(get, QuotaSettings.TargetPercent, 60, 1, 99, problems);
        if (target >= warning)
        {
            problems.Add($"{QuotaSettings.TargetPercent} is {Format(target)}; it must be below " +
                $"{QuotaSettings.WarningPercent} ({Format(warning)}) so a granted increase clears the warning");
        }

        var options = new BedrockQuotaOptions
        {
            Models = models,
            WarningPercent = warning,
            WindowMinutes = (int)Number(get, QuotaSettings.WindowMinutes, 5, 1, 60, problems, wholeNumber: true),
            TargetPercent = target,
            RequestCapTpm = Cap(get, QuotaSettings.RequestCapTpm, problems),
            RequestCapRpm = Cap(get, QuotaSettings.RequestCapRpm, problems),
            AutoRequest = Flag(get, QuotaSettings.AutoRequest, problems),
            DryRun = Flag(get, QuotaSettings.DryRun, problems),
            SnsTopicArn = Matching(get, QuotaSettings.SnsTopicArn, SnsArnPattern(),
                "arn:aws:sns:<region>:<account>:<topic>", problems),
            EventBusName = Matching(get, QuotaSettings.EventBusName, BusPattern(), "a bus name or ARN", problems)
                ?? "default",
            StateTable = Required(get, StateTable.Setting, TablePattern(), "a DynamoDB table name", problems),
            HomeRegion = Required(get, QuotaSettings.Region, RegionPattern(), "a region such as us-east-1", problems),
        };
        CheckCaps(options, problems);
        return problems.Count == 0 ? options : throw new ConfigurationException(problems);
    }

    private static void CheckCaps(BedrockQuotaOptions options, List<string> problems)
    {
        if (!options.AutoRequest)
        {
            return;
        }

        foreach (var model in options.Models.Where(m => options.TpmCapFor(m) is null))
        {
            problems.Add($"{QuotaSettings.AutoRequest} is true but {model.ModelId} has no TPM cap; set " +
                $"{QuotaSettings.RequestCapTpm} or its requestCapTpm so a request can never exceed a known bound");
        }
    }

    private static double Number(Func<string, string?> get, string name, double fallback, double min, double max,
        List<string> problems, bool wholeNumber = false)
    {
        var text = get(name);
        if (text is null)
        {
            return fallback;
        }

        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max && (!wholeNumber || value == Math.Floor(value));
        if (!ok)
        {
            var kind = wholeNumber ? "a whole number" : "a number";
            problems.Add($"{name} is \"{text}\"; expected {kind} from {Format(min)} to {Format(max)} " +
                $"(default {Format(fallback)})");
            return fallback;
        }

        return value;
    }

    private static double? Cap(Func<string, string?> get, string name, List<string> problems)
    {
        var text = get(name);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0 && !double.IsInfinity(value))
        {
            return value;
        }

        problems.Add($"{name} is \"{text}\"; expected a positive number in the quota's unit");
        return null;
    }

    private static bool Flag(Func<string, string?> get, string name, List<string> problems)
    {
        var text = get(name);
        if (text is null || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        problems.Add($"{name} is \"{text}\"; expected true or false (default false)");
        return false;
    }

    private static string? Matching(Func<string, string?> get, string name, Regex pattern, string form,
        List<string> problems)
    {
        var text = get(name);
        if (text is not null && !pattern.IsMatch(text))
        {
            problems.Add($"{name} is \"{text}\"; expected {form}");
            return null;
        }

        return text;
    }

    private static string Required(Func<string, string?> get, string name, Regex pattern, string form,
        List<string> problems)
    {
        if (get(name) is null)
        {
            problems.Add($"{name} is not set; expected {form}");
            return string.Empty;
        }

        return Matching(get, name, pattern, form, problems) ?? string.Empty;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnsArnPattern();

    [GeneratedRegex(@"^([A-Za-z0-9._\-/]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus/[A-Za-z0-9._\-/]+)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex BusPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex TablePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
