namespace DialControl.Functions.Hosting;

/// <summary>A metric data point with its dimensions, emitted in namespace <c>DialControl</c>.</summary>
/// <param name="Name">The metric name, for example <c>ScaleDecision</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">A CloudWatch unit: Count, Percent, Milliseconds, None, ...</param>
/// <param name="Dimensions">Dimension name to value; at most 30.</param>
public sealed record MetricPoint(
    string Name,
    double Value,
    string Unit,
    IReadOnlyDictionary<string, string> Dimensions);

/// <summary>Where functions send metrics. In Lambda: Embedded Metric Format lines on stdout.</summary>
public interface IMetrics
{
    /// <summary>Records one data point.</summary>
    void Emit(MetricPoint point);
}
