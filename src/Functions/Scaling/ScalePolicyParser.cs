using System.Globalization;
using System.Text.Json;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Reads and validates the SCALE_POLICIES setting. Every problem is collected with the field, the value
/// seen and the allowed form, so that one cold start reports all of them.
/// </summary>
internal static class ScalePolicyParser
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "SCALE_POLICIES";

    /// <summary>DescribeAlarms takes at most 100 alarm names, and the schedule reads them in one call.</summary>
    public const int MaxPolicies = 100;

    /// <summary>Most steps a scale-out policy may have (Application Auto Scaling allows 20 as well).</summary>
    public const int MaxSteps = 20;

    /// <summary>Longest cooldown, in seconds: one day.</summary>
    public const int MaxCooldownSeconds = 86_400;

    /// <summary>Most nodes one step may add.</summary>
    public const int MaxAdd = 100;

    /// <summary>Largest ceiling or floor: EKS managed node groups hold at most 1000 nodes.</summary>
    public const int MaxNodes = 1000;

    private const string Fields = "alarm, nodegroup, direction, alarmWhen, steps, cooldownSeconds, max, min";

    private const string Example =
        "[{\"alarm\":\"dial-core-cpu-high\",\"nodegroup\":\"core\",\"direction\":\"out\"}]";

    /// <summary>The policies in <paramref name="json"/>; none when <paramref name="problems"/> grew.</summary>
    public static IReadOnlyList<ScalePolicy> Parse(string? json, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var documents = Read(json, problems);
        if (documents is null)
        {
            return [];
        }

        var before = problems.Count;
        var policies = new List<ScalePolicy>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (ParseOne(documents[i], $"{Setting}[{i}]", problems) is { } policy)
            {
                policies.Add(policy);
            }
        }

        CheckUniqueAlarms(documents, problems);
        CheckInSlowerThanOut(policies, problems);
        return problems.Count == before ? policies : [];
    }

    private static List<ScalePolicyDocument?>? Read(string? json, List<string> problems)
    {
        if (json is null)
        {
            problems.Add($"{Setting} is missing; set it to a JSON array of policies such as {Example}");
            return null;
        }

        try
        {
            using var syntax = JsonDocument.Parse(json);
            if (syntax.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{Setting} is a JSON {Kind(syntax.RootElement)}; expected an array of policies " +
                    $"such as {Example}");
                return null;
            }
        }
        catch (JsonException ex)
        {
            problems.Add($"{Setting} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); " +
                $"expected an array of policies such as {Example}");
            return null;
        }

        return Deserialize(json, problems);
    }

    private static List<ScalePolicyDocument?>? Deserialize(string json, List<string> problems)
    {
        List<ScalePolicyDocument>? documents;
        try
        {
            documents = JsonSerializer.Deserialize(json, ScalingJsonContext.Default.ListScalePolicyDocument);
        }
        catch (JsonException ex)
        {
            problems.Add($"{Setting} has an unknown field or a value of the wrong type at {ex.Path ?? "$"}; " +
                $"allowed fields: {Fields} (text for alarm, nodegroup, direction and alarmWhen, " +
                "whole numbers for cooldownSeconds, max, min and add, numbers for the bounds)");
            return null;
        }

        if (documents is null || documents.Count == 0)
        {
            problems.Add($"{Setting} is an empty list; give at least one policy such as {Example}");
            return null;
        }

        if (documents.Count > MaxPolicies)
        {
            problems.Add($"{Setting} has {documents.Count} policies; allowed: at most {MaxPolicies}");
            return null;
        }

        return [.. documents];
    }

    private static ScalePolicy? ParseOne(ScalePolicyDocument? document, string at, List<string> problems)
    {
        if (document is null)
        {
            problems.Add($"{at} is null; expected an object with at least alarm, nodegroup and direction");
            return null;
        }

        var before = problems.Count;
        var alarm = CheckAlarmName(document.Alarm, $"{at}.alarm", problems);
        var nodeGroup = CheckNodeGroupName(document.Nodegroup, $"{at}.nodegroup", problems);
        var direction = ParseDirection(document.Direction, $"{at}.direction", problems);
        var side = ParseSide(document.AlarmWhen, direction, $"{at}.alarmWhen", problems);
        var steps = direction == ScaleDirection.Out
            ? ScaleStepParser.Parse(document.Steps, $"{at}.steps", problems)
            : NoSteps(document.Steps, $"{at}.steps", problems);
        var cooldown = ParseCooldown(document.CooldownSeconds, direction, $"{at}.cooldownSeconds", problems);
        CheckBounds(document, direction, at, problems);
        return problems.Count == before
            ? new ScalePolicy(alarm!, nodeGroup!, direction, side, steps, cooldown, document.Max, document.Min)
            : null;
    }

    private static string? CheckAlarmName(string? value, string at, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 255)
        {
            problems.Add($"{at} is {Quote(value)}; allowed: the CloudWatch alarm name, 1 to 255 characters");
            return null;
        }

        return value;
    }

    private static string? CheckNodeGroupName(string? value, string at, List<string> problems)
    {
        var valid = !string.IsNullOrEmpty(value) && value.Length <= 63 && char.IsAsciiLetterOrDigit(value[0]) &&
            value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        if (!valid)
        {
            problems.Add($"{at} is {Quote(value)}; allowed: an EKS node group name, 1 to 63 letters, digits, " +
                "'-' or '_', starting with a letter or digit");
            return null;
        }

        return value;
    }

    private static ScaleDirection ParseDirection(string? value, string at, List<string> problems)
    {
        if (string.Equals(value, "out", StringComparison.OrdinalIgnoreCase))
        {
            return ScaleDirection.Out;
        }

        if (string.Equals(value, "in", StringComparison.OrdinalIgnoreCase))
        {
            return ScaleDirection.In;
        }

        problems.Add($"{at} is {Quote(value)}; allowed: \"out\" (add nodes) or \"in\" (remove one node)");
        return ScaleDirection.Out;
    }

    private static AlarmSide ParseSide(string? value, ScaleDirection direction, string at, List<string> problems)
    {
        if (value is null)
        {
            return direction == ScaleDirection.Out ? AlarmSide.Above : AlarmSide.Below;
        }

        if (string.Equals(value, "above", StringComparison.OrdinalIgnoreCase))
        {
            return AlarmSide.Above;
        }

        if (string.Equals(value, "below", StringComparison.OrdinalIgnoreCase))
        {
            return AlarmSide.Below;
        }

        problems.Add($"{at} is {Quote(value)}; allowed: \"above\" or \"below\" (the side of the threshold " +
            "the alarm fires on; default \"above\" for out, \"below\" for in)");
        return AlarmSide.Above;
    }

    private static IReadOnlyList<ScaleStep> NoSteps(List<ScaleStepDocument>? steps, string at, List<string> problems)
    {
        if (steps is not null)
        {
            problems.Add($"{at} is set on a scale-in policy; allowed: no steps, scale-in removes one node at a time");
        }

        return [];
    }

    private static TimeSpan ParseCooldown(int? seconds, ScaleDirection direction, string at, List<string> problems)
    {
        if (seconds is null)
        {
            return direction == ScaleDirection.Out ? ScalePolicy.DefaultOutCooldown : ScalePolicy.DefaultInCooldown;
        }

        if (seconds is < 0 or > MaxCooldownSeconds)
        {
            problems.Add($"{at} is {seconds}; allowed: 0 to {MaxCooldownSeconds} seconds " +
                "(default 300 for out, 600 for in)");
        }

        return TimeSpan.FromSeconds(Math.Clamp(seconds.Value, 0, MaxCooldownSeconds));
    }

    private static void CheckBounds(ScalePolicyDocument document, ScaleDirection direction, string at,
        List<string> problems)
    {
        if (direction == ScaleDirection.Out && document.Min is not null)
        {
            problems.Add($"{at}.min is set on a scale-out policy; allowed: min on scale-in policies, max on scale-out");
        }

        if (direction == ScaleDirection.In && document.Max is not null)
        {
            problems.Add($"{at}.max is set on a scale-in policy; allowed: max on scale-out policies, min on scale-in");
        }

        if (document.Max is < 1 or > MaxNodes)
        {
            problems.Add($"{at}.max is {document.Max}; allowed: 1 to {MaxNodes} nodes");
        }

        if (document.Min is < 0 or > MaxNodes)
        {
            problems.Add($"{at}.min is {document.Min}; allowed: 0 to {MaxNodes} nodes");
        }
    }

    private static void CheckUniqueAlarms(List<ScalePolicyDocument?> documents, List<string> problems)
    {
        var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i]?.Alarm is not { Length: > 0 } alarm)
            {
                continue;
            }

            if (!firstUse.TryAdd(alarm, i))
            {
                problems.Add($"{Setting}[{i}].alarm \"{alarm}\" is also used by {Setting}[{firstUse[alarm]}]; " +
                    "allowed: each alarm in one policy (one node group, one direction)");
            }
        }
    }

    private static void CheckInSlowerThanOut(List<ScalePolicy> policies, List<string> problems)
    {
        foreach (var scaleIn in policies.Where(p => p.Direction == ScaleDirection.In))
        {
            var slowestOut = policies
                .Where(p => p.Direction == ScaleDirection.Out && p.NodeGroup == scaleIn.NodeGroup)
                .MaxBy(p => p.Cooldown);
            if (slowestOut is not null && scaleIn.Cooldown < slowestOut.Cooldown)
            {
                problems.Add($"{Setting}: the scale-in cooldown of node group {scaleIn.NodeGroup} (alarm " +
                    $"{scaleIn.Alarm}) is {scaleIn.Cooldown.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; " +
                    $"allowed: at least its scale-out cooldown " +
                    $"({slowestOut.Cooldown.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, alarm " +
                    $"{slowestOut.Alarm}), because scale-in must be slower than scale-out");
            }
        }
    }

    /// <summary>A value as a message shows it: quoted text, or "missing".</summary>
    public static string Quote(string? value) => value is null ? "missing" : $"\"{value}\"";

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
