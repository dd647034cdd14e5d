using System.Text.Json;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Recognises the three events the function accepts: the EventBridge <c>Scheduled Event</c>, the
/// EventBridge <c>CloudWatch Alarm State Change</c>, and the payload a CloudWatch alarm sends when its
/// action invokes the function directly. Anything else is a skip with a reason, never an exception.
/// </summary>
internal static class QuotaTriggerParser
{
    /// <summary>The Bedrock metrics whose alarms trigger an evaluation.</summary>
    public static readonly IReadOnlySet<string> AlarmMetrics =
        new HashSet<string>(["InvocationThrottles", "EstimatedTPMQuotaUsage"], StringComparer.Ordinal);

    /// <summary>The trigger, or null with <paramref name="skipReason"/> saying why the event is not one.</summary>
    public static QuotaTrigger? Parse(ReadOnlyMemory<byte> payload, out string skipReason)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return Parse(document.RootElement, out skipReason);
        }
        catch (JsonException e)
        {
            skipReason = $"the payload is not JSON ({e.Message})";
            return null;
        }
        catch (InvalidOperationException)
        {
            // The parser accepts a lone surrogate escape or bytes that are not UTF-8 inside a string;
            // reading that string as .NET text throws, and bad input must end in a skip, not a crash.
            skipReason = "the payload has a string that is not valid UTF-8 or UTF-16 (such as a lone surrogate escape)";
            return null;
        }
    }

    private static QuotaTrigger? Parse(JsonElement root, out string skipReason)
    {
        skipReason = string.Empty;
        var source = Text(root, "source");
        var detailType = Text(root, "detail-type");
        if (source == "aws.events" && detailType == "Scheduled Event")
        {
            return QuotaTrigger.Scheduled;
        }

        if (source == "aws.cloudwatch" && detailType == "CloudWatch Alarm State Change"
            && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object)
        {
            return Alarm(detail, Text(root, "region"), out skipReason);
        }

        if (source == "aws.cloudwatch" && root.TryGetProperty("alarmData", out var data)
            && data.ValueKind == JsonValueKind.Object)
        {
            return Alarm(data, Text(root, "region"), out skipReason);
        }

        skipReason = $"it is not a Scheduled Event or a CloudWatch alarm state change (source " +
            $"\"{source ?? "missing"}\", detail-type \"{detailType ?? "missing"}\")";
        return null;
    }

    private static QuotaTrigger? Alarm(JsonElement alarm, string? region, out string skipReason)
    {
        var name = Text(alarm, "alarmName") ?? "(unnamed)";
        var state = alarm.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.Object
            ? Text(s, "value") : null;
        var modelIds = BedrockModelIds(alarm).Distinct(StringComparer.Ordinal).ToList();
        if (region is null)
        {
            skipReason = $"alarm {name} has no region field";
            return null;
        }

        if (modelIds.Count == 0)
        {
            skipReason = $"alarm {name} watches no AWS/Bedrock InvocationThrottles or EstimatedTPMQuotaUsage " +
                "metric with a ModelId dimension";
            return null;
        }

        skipReason = string.Empty;
        return new QuotaTrigger(QuotaTrigger.Alarm, name, state, region, modelIds);
    }

    private static IEnumerable<string> BedrockModelIds(JsonElement alarm)
    {
        if (!alarm.TryGetProperty("configuration", out var configuration)
            || configuration.ValueKind != JsonValueKind.Object
            || !configuration.TryGetProperty("metrics", out var metrics)
            || metrics.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var query in metrics.EnumerateArray())
        {
            if (query.ValueKind == JsonValueKind.Object
                && query.TryGetProperty("metricStat", out var stat) && stat.ValueKind == JsonValueKind.Object
                && stat.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
                && Text(metric, "namespace") == BedrockUsageReader.Namespace
                && Text(metric, "name") is { } metricName && AlarmMetrics.Contains(metricName)
                && metric.TryGetProperty("dimensions", out var dimensions)
                && dimensions.ValueKind == JsonValueKind.Object
                && Text(dimensions, "ModelId") is { Length: > 0 } modelId)
            {
                yield return modelId;
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
