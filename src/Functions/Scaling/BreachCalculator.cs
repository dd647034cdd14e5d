using System.Text.Json;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Reads the breach size from an alarm's reasonData: the recent datapoints against the threshold.
/// Absolute distance in the metric's unit, like the bounds of Application Auto Scaling step scaling.
/// Of the datapoints on the alarm's side of the threshold the smallest distance counts: the size the
/// breach held for every breaching datapoint, so one spike does not buy the largest step.
/// </summary>
internal static class BreachCalculator
{
    /// <summary>The breach of <paramref name="reasonData"/> for an alarm firing on <paramref name="side"/>.</summary>
    public static Breach Measure(string? reasonData, AlarmSide side)
    {
        if (string.IsNullOrWhiteSpace(reasonData))
        {
            return Breach.Unknown("reasonData is absent");
        }

        try
        {
            using var document = JsonDocument.Parse(reasonData);
            return Measure(document.RootElement, side);
        }
        catch (JsonException)
        {
            return Breach.Unknown("reasonData is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape parses but cannot be read as .NET text.
            return Breach.Unknown("reasonData has a string that is not valid UTF-16");
        }
    }

    private static Breach Measure(JsonElement root, AlarmSide side)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Breach.Unknown("reasonData is not a JSON object");
        }

        if (!root.TryGetProperty("threshold", out var thresholdElement) ||
            thresholdElement.ValueKind != JsonValueKind.Number ||
            !thresholdElement.TryGetDouble(out var threshold) || !double.IsFinite(threshold))
        {
            return Breach.Unknown("reasonData has no numeric threshold (composite or anomaly detection alarm)");
        }

        var datapoints = Datapoints(root);
        if (datapoints.Count == 0)
        {
            return Breach.Unknown("reasonData has no recent datapoints");
        }

        var distances = datapoints
            .Select(value => side == AlarmSide.Above ? value - threshold : threshold - value)
            .Where(distance => distance >= 0)
            .ToList();
        var sideName = side == AlarmSide.Above ? "above" : "below";
        if (distances.Count == 0)
        {
            return Breach.Unknown($"no recent datapoint is {sideName} the threshold {ScaleStep.Number(threshold)}");
        }

        var size = distances.Min();
        return new Breach(size, $"breach {ScaleStep.Number(size)} {sideName} the threshold " +
            $"{ScaleStep.Number(threshold)} (smallest of {distances.Count} breaching datapoint" +
            $"{(distances.Count == 1 ? string.Empty : "s")})");
    }

    private static List<double> Datapoints(JsonElement root)
    {
        if (!root.TryGetProperty("recentDatapoints", out var recent) || recent.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var values = new List<double>();
        foreach (var item in recent.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var value) && double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        return values;
    }
}
