using System.Buffers;
using System.Text.Json;

namespace DialControl.Functions.Hosting;

/// <summary>
/// <see cref="IMetrics"/> as CloudWatch Embedded Metric Format: one JSON line per data point on the
/// function's output, which CloudWatch Logs turns into a metric in namespace <c>DialControl</c> with no
/// API call. The line also carries <c>function</c> and <c>requestId</c> as plain members (not
/// dimensions, which would create a metric per request), so a metric can be traced to its log lines.
/// </summary>
public sealed class EmbeddedMetrics : IMetrics
{
    /// <summary>The CloudWatch namespace of every DialControl metric.</summary>
    public const string Namespace = "DialControl";

    /// <summary>The most dimensions one data point may carry (the EMF specification's limit).</summary>
    public const int MaxDimensions = 30;

    private const int MaxNameLength = 255;
    private const int MaxDimensionValueLength = 1024;

    private readonly LogLineWriter _output;
    private readonly TimeProvider _time;
    private readonly string _functionName;

    /// <summary>Writes metrics to <paramref name="output"/>, stamped by <paramref name="time"/>.</summary>
    public EmbeddedMetrics(LogLineWriter output, TimeProvider time, string functionName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        _output = output;
        _time = time;
        _functionName = functionName;
    }

    /// <summary>The CloudWatch units a metric may have (CloudWatch's MetricDatum.Unit values).</summary>
    public static IReadOnlySet<string> Units { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
        "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
        "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    /// <summary>
    /// Writes <paramref name="point"/> as one EMF line. A point CloudWatch would reject (unknown unit,
    /// non-finite value, too many or empty dimensions, a name clash) throws <see cref="ArgumentException"/>:
    /// it is a programming error, and failing loudly in tests beats a metric that silently never appears.
    /// </summary>
    public void Emit(MetricPoint point)
    {
        Validate(point);
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteMetadata(json, point);
            foreach (var (name, value) in point.Dimensions)
            {
                json.WriteString(name, value);
            }

            json.WriteNumber(point.Name, point.Value);
            var invocation = InvocationScope.Current;
            WriteProperty(json, point, "function", invocation?.FunctionName ?? _functionName);
            WriteProperty(json, point, "requestId", invocation?.RequestId);
            json.WriteEndObject();
        }

        _output.WriteLine(buffer.WrittenSpan);
    }

    private void WriteMetadata(Utf8JsonWriter json, MetricPoint point)
    {
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", _time.GetUtcNow().ToUnixTimeMilliseconds());
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var name in point.Dimensions.Keys)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        json.WriteStartObject();
        json.WriteString("Name", point.Name);
        json.WriteString("Unit", point.Unit);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, MetricPoint point, string name, string? value)
    {
        // A dimension or metric of the same name already holds this member; EMF needs keys to be unique.
        if (value is not null && point.Name != name && !point.Dimensions.ContainsKey(name))
        {
            json.WriteString(name, value);
        }
    }

    private static void Validate(MetricPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var problems = new List<string>();
        if (!ValidName(point.Name) || point.Name == "_aws")
        {
            problems.Add($"name '{point.Name}' must be 1-{MaxNameLength} characters and not '_aws'");
        }

        if (!Units.Contains(point.Unit ?? string.Empty))
        {
            problems.Add($"unit '{point.Unit}' is not a CloudWatch unit ({string.Join(", ", Units)})");
        }

        if (!double.IsFinite(point.Value))
        {
            problems.Add($"value {point.Value} is not a finite number");
        }

        ValidateDimensions(point, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Metric '{point.Name}' cannot be written as EMF: {string.Join("; ", problems)}.", nameof(point));
        }
    }

    private static void ValidateDimensions(MetricPoint point, List<string> problems)
    {
        var dimensions = point.Dimensions;
        if (dimensions is null)
        {
            problems.Add("dimensions must be given (an empty dictionary for none)");
            return;
        }

        if (dimensions.Count > MaxDimensions)
        {
            problems.Add($"{dimensions.Count} dimensions, at most {MaxDimensions} allowed");
        }

        foreach (var (name, value) in dimensions)
        {
            if (!ValidName(name) || name == "_aws" || name == point.Name)
            {
                problems.Add(
                    $"dimension name '{name}' must be 1-{MaxNameLength} characters, not '_aws' nor the metric's name");
            }

            if (string.IsNullOrEmpty(value) || value.Length > MaxDimensionValueLength)
            {
                problems.Add($"dimension '{name}' value must be 1-{MaxDimensionValueLength} characters");
            }
        }
    }

    private static bool ValidName(string? name) => !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength;
}
