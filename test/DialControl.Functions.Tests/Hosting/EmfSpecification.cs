using System.Text.Json;
using System.Text.RegularExpressions;

namespace DialControl.Functions.Tests.Hosting;

/// <summary>
/// The required fields of the CloudWatch Embedded Metric Format specification (AWS documentation,
/// CloudWatch_Embedded_Metric_Format_Specification.html in the CloudWatch user guide), checked on one
/// log line: the root is a JSON object with member <c>_aws</c>, an object with an integer
/// <c>Timestamp</c> (epoch ms) and a <c>CloudWatchMetrics</c> array of MetricDirectives; each directive has
/// a <c>Namespace</c> (1-255 characters), a <c>Dimensions</c> array (at least one DimensionSet, each an
/// array of at most 30 dimension keys of 1-255 characters whose root members are strings) and a
/// <c>Metrics</c> array of at most 100 MetricDefinitions, each a <c>Name</c> (1-255 characters) whose root
/// member is a number or an array of at most 100 numbers, with an optional <c>Unit</c> among CloudWatch's
/// units and an optional <c>StorageResolution</c> of 1 or 60.
/// </summary>
internal static partial class EmfSpecification
{
    /// <summary>Every way <paramref name="line"/> breaks the specification; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string line)
    {
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return [$"not JSON: {exception.Message}"];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ["root is not an object"];
            }

            if (!root.TryGetProperty("_aws", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            {
                return ["_aws is missing or not an object"];
            }

            CheckMetadata(root, metadata, problems);
        }

        return problems;
    }

    private static void CheckMetadata(JsonElement root, JsonElement metadata, List<string> problems)
    {
        if (!metadata.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number
            || !timestamp.TryGetInt64(out _))
        {
            problems.Add("_aws.Timestamp is missing or not an integer");
        }

        if (!metadata.TryGetProperty("CloudWatchMetrics", out var directives)
            || directives.ValueKind != JsonValueKind.Array)
        {
            problems.Add("_aws.CloudWatchMetrics is missing or not an array");
            return;
        }

        foreach (var directive in directives.EnumerateArray())
        {
            CheckDirective(root, directive, problems);
        }
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, List<string> problems)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            problems.Add("a MetricDirective is not an object");
            return;
        }

        if (!directive.TryGetProperty("Namespace", out var ns) || !IsName(ns))
        {
            problems.Add("Namespace is missing or not 1-255 characters");
        }

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array
            || sets.GetArrayLength() == 0)
        {
            problems.Add("Dimensions is missing, not an array or empty");
        }
        else
        {
            foreach (var set in sets.EnumerateArray())
            {
                CheckDimensionSet(root, set, problems);
            }
        }

        CheckMetrics(root, directive, problems);
    }

    private static void CheckDimensionSet(JsonElement root, JsonElement set, List<string> problems)
    {
        if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > 30)
        {
            problems.Add("a DimensionSet is not an array of at most 30 keys");
            return;
        }

        foreach (var key in set.EnumerateArray())
        {
            if (!IsName(key))
            {
                problems.Add("a dimension key is not 1-255 characters");
            }
            else if (!root.TryGetProperty(key.GetString()!, out var target) || target.ValueKind != JsonValueKind.String)
            {
                problems.Add($"dimension '{key.GetString()}' has no string target member");
            }
        }
    }

    private static void CheckMetrics(JsonElement root, JsonElement directive, List<string> problems)
    {
        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array
            || metrics.GetArrayLength() > 100)
        {
            problems.Add("Metrics is missing or not an array of at most 100 definitions");
            return;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            if (metric.ValueKind != JsonValueKind.Object
                || !metric.TryGetProperty("Name", out var name)
                || !IsName(name))
            {
                problems.Add("a MetricDefinition has no Name of 1-255 characters");
                continue;
            }

            if (metric.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String
                || !UnitPattern().IsMatch(unit.GetString()!)))
            {
                problems.Add($"metric '{name.GetString()}' has Unit {unit.GetRawText()}, not a CloudWatch unit");
            }

            if (metric.TryGetProperty("StorageResolution", out var resolution)
                && !(resolution.TryGetInt32(out var seconds) && seconds is 1 or 60))
            {
                problems.Add(
                    $"metric '{name.GetString()}' has StorageResolution {resolution.GetRawText()}, not 1 or 60");
            }

            if (!root.TryGetProperty(name.GetString()!, out var target) || !IsNumeric(target))
            {
                problems.Add($"metric '{name.GetString()}' has no numeric target member");
            }
        }
    }

    private static bool IsName(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Length is >= 1 and <= 255;

    private static bool IsNumeric(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= 100
            && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Number));

    [GeneratedRegex(@"^(Seconds|Microseconds|Milliseconds|Bytes|Kilobytes|Megabytes|Gigabytes|Terabytes|" +
        @"Bits|Kilobits|Megabits|Gigabits|Terabits|Percent|Count|Bytes/Second|Kilobytes/Second|" +
        @"Megabytes/Second|Gigabytes/Second|Terabytes/Second|Bits/Second|Kilobits/Second|Megabits/Second|" +
        @"Gigabits/Second|Terabits/Second|Count/Second|None)$")]
    private static partial Regex UnitPattern();
}
