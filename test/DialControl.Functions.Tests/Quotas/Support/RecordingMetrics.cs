using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>Collects emitted metric points.</summary>
internal sealed class RecordingMetrics : IMetrics
{
    public List<MetricPoint> Points { get; } = [];

    public void Emit(MetricPoint point) => Points.Add(point);
}
