using System.Collections.Concurrent;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Keeps every metric point emitted.</summary>
public sealed class RecordingMetrics : IMetrics
{
    private readonly ConcurrentQueue<MetricPoint> _points = new();

    public IReadOnlyList<MetricPoint> Points => [.. _points];

    public void Emit(MetricPoint point) => _points.Enqueue(point);
}
