using System.Globalization;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Scaling;

/// <summary>
/// The scale-nodes settings, read from the environment once at cold start. <see cref="Load"/> reports
/// every bad setting at once in a <see cref="ConfigurationException"/>.
/// </summary>
internal sealed class ScaleNodesOptions
{
    /// <summary>The region the function, its node groups and its alarms live in (set by Lambda).</summary>
    public const string RegionSetting = "AWS_REGION";

    /// <summary>The EKS cluster whose node groups the policies name.</summary>
    public const string ClusterSetting = "CLUSTER_NAME";

    /// <summary>Whether scale-in policies may act; default false.</summary>
    public const string ScaleInSetting = "SCALE_IN_ENABLED";

    /// <summary>Decide and log only; default false.</summary>
    public const string DryRunSetting = "DRY_RUN";

    /// <summary>Alarm events whose state changed longer ago than this are skipped; default 900 s.</summary>
    public const string MaxEventAgeSetting = "MAX_EVENT_AGE_SECONDS";

    /// <summary>The default of <see cref="MaxEventAgeSetting"/>, in seconds.</summary>
    public const int DefaultMaxEventAgeSeconds = 900;

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The EKS cluster name.</summary>
    public required string Cluster { get; init; }

    /// <summary>The DynamoDB state table (<see cref="Hosting.StateTable"/>).</summary>
    public required string StateTable { get; init; }

    /// <summary>The policies, in the order of the setting.</summary>
    public required IReadOnlyList<ScalePolicy> Policies { get; init; }

    /// <summary>Whether scale-in policies may remove nodes.</summary>
    public bool ScaleInEnabled { get; init; }

    /// <summary>Whether decisions are only logged.</summary>
    public bool DryRun { get; init; }

    /// <summary>How old an alarm state change may be and still act.</summary>
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromSeconds(DefaultMaxEventAgeSeconds);

    /// <summary>The policy of <paramref name="alarm"/>, or null when no policy names it.</summary>
    public ScalePolicy? FindPolicy(string alarm) =>
        Policies.FirstOrDefault(p => string.Equals(p.Alarm, alarm, StringComparison.Ordinal));

    /// <summary>Reads and validates the settings; throws with every problem found.</summary>
    public static ScaleNodesOptions Load(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var region = Require(settings, RegionSetting, IsRegion, "an AWS region such as eu-west-1", problems);
        var cluster = Require(settings, ClusterSetting, IsClusterName,
            "the EKS cluster name, 1 to 100 letters, digits, '-' or '_', starting with a letter or digit", problems);
        var table = Require(settings, Hosting.StateTable.Setting, IsTableName,
            "the DynamoDB state table name, 3 to 255 letters, digits, '_', '-' or '.'", problems);
        var policies = ScalePolicyParser.Parse(Get(settings, ScalePolicyParser.Setting), problems);
        var scaleIn = ParseSwitch(settings, ScaleInSetting, problems);
        var dryRun = ParseSwitch(settings, DryRunSetting, problems);
        var maxAge = ParseMaxEventAge(settings, problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new ScaleNodesOptions
        {
            Region = region!,
            Cluster = cluster!,
            StateTable = table!,
            Policies = policies,
            ScaleInEnabled = scaleIn,
            DryRun = dryRun,
            MaxEventAge = maxAge,
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Require(IReadOnlyDictionary<string, string> settings, string name,
        Func<string, bool> isValid, string allowed, List<string> problems)
    {
        var value = Get(settings, name);
        if (value is null || !isValid(value))
        {
            problems.Add($"{name} is {ScalePolicyParser.Quote(value)}; allowed: {allowed}");
            return null;
        }

        return value;
    }

    private static bool ParseSwitch(IReadOnlyDictionary<string, string> settings, string name, List<string> problems)
    {
        var value = Get(settings, name);
        if (value is null || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        problems.Add($"{name} is \"{value}\"; allowed: true or false (default false)");
        return false;
    }

    private static TimeSpan ParseMaxEventAge(IReadOnlyDictionary<string, string> settings, List<string> problems)
    {
        var value = Get(settings, MaxEventAgeSetting);
        if (value is null)
        {
            return TimeSpan.FromSeconds(DefaultMaxEventAgeSeconds);
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds is < 60 or > 86_400)
        {
            problems.Add($"{MaxEventAgeSetting} is \"{value}\"; allowed: 60 to 86400 seconds " +
                $"(default {DefaultMaxEventAgeSeconds})");
            return TimeSpan.FromSeconds(DefaultMaxEventAgeSeconds);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static bool IsRegion(string value) =>
        value.Length is >= 6 and <= 30 &&
        value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsClusterName(string value) =>
        value.Length <= 100 && char.IsAsciiLetterOrDigit(value[0]) &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsTableName(string value) =>
        value.Length is >= 3 and <= 255 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
