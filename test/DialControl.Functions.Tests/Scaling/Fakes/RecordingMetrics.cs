using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>Keeps every metric point emitted.</summary>
public sealed class RecordingMetrics : IMetrics
{
    private readonly List<MetricPoint> _points = [];
    private readonly object _gate = new();

    public IReadOnlyList<MetricPoint> Points
    {
        get
        {
            lock (_gate)
            {
                return [.. _points];
            }
        }
    }

    public void Emit(MetricPoint point)
    {
        lock (_gate)
        {
            _points.Add(point);
        }
    }
}
