using System.Text.Json;

namespace DialControl.Functions.Failover;

/// <summary>
/// Checks the execution input and names every bad field. Unknown fields are refused too: a typo such
/// as <c>dryrun</c> must not turn a dry run into a real failover.
/// </summary>
internal static class FailoverRequestParser
{
    /// <summary>The longest reason accepted, in characters.</summary>
    public const int MaxReasonLength = 1024;

    private static readonly string[] s_fields = ["targetRegion", "reason", "dryRun", "force"];

    /// <summary>The request in <paramref name="input"/>; throws FailoverInputException otherwise.</summary>
    public static FailoverRequest Parse(JsonElement input, string stackRegion)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new FailoverInputException([$"the input is {Describe(input)}; expected a JSON object such as " +
                $"{{\"targetRegion\": \"{stackRegion}\", \"reason\": \"eu-west-1 outage\"}}"]);
        }

        var problems = new List<string>();
        foreach (var property in input.EnumerateObject())
        {
            if (Array.IndexOf(s_fields, property.Name) < 0)
            {
                problems.Add($"field '{property.Name}' is not known; expected only {string.Join(", ", s_fields)}");
            }
        }

        var region = ReadTargetRegion(input, stackRegion, problems);
        var reason = ReadReason(input, problems);
        var dryRun = ReadFlag(input, "dryRun", problems);
        var force = ReadFlag(input, "force", problems);
        if (problems.Count > 0)
        {
            throw new FailoverInputException(problems);
        }

        return new FailoverRequest(region, reason, dryRun, force);
    }

    private static string ReadTargetRegion(JsonElement input, string stackRegion, List<string> problems)
    {
        if (!input.TryGetProperty("targetRegion", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"field 'targetRegion' is required; expected this stack's region, {stackRegion}");
            return string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field 'targetRegion' is {Describe(value)}; expected the string \"{stackRegion}\"");
            return string.Empty;
        }

        var region = value.GetString()!;
        if (!string.Equals(region, stackRegion, StringComparison.Ordinal))
        {
            problems.Add($"field 'targetRegion' is '{region}' but this stack runs in {stackRegion}; a failover runs " +
                $"in the region it activates, so start it with the state machine of the {region} stack");
        }

        return region;
    }

    private static string ReadReason(JsonElement input, List<string> problems)
    {
        if (!input.TryGetProperty("reason", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("field 'reason' is required; expected a short text saying why, such as \"eu-west-1 outage\"");
            return string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"field 'reason' is {Describe(value)}; expected a non-empty string saying why");
            return string.Empty;
        }

        var reason = value.GetString()!.Trim();
        if (reason.Length > MaxReasonLength)
        {
            problems.Add($"field 'reason' has {reason.Length} characters; expected at most {MaxReasonLength}");
        }

        return reason;
    }

    private static bool ReadFlag(JsonElement input, string name, List<string> problems)
    {
        if (!input.TryGetProperty(name, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add($"field '{name}' is {Describe(value)}; expected true or false (default false)");
        return false;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
