using DialControl.Aws.CloudWatch;

namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>Alarms in memory behind DescribeAlarms, filtered by name and state as CloudWatch does.</summary>
public sealed class FakeCloudWatch(CallLog log) : IAmazonCloudWatch
{
    private readonly List<DescribeAlarmsRequest> _requests = [];

    public List<MetricAlarm> MetricAlarms { get; } = [];

    public List<CompositeAlarm> CompositeAlarms { get; } = [];

    /// <summary>Answers every alarm whatever its state, as moto does when AlarmNames is given.</summary>
    public bool IgnoreStateFilter { get; set; }

    public Exception? Failure { get; set; }

    /// <summary>Alarms per page (metric alarms first, then composite); null: everything in one page.</summary>
    public int? PageSize { get; set; }

    /// <summary>Answers a NextToken on every page, as a misbehaving service would.</summary>
    public bool EndlessPages { get; set; }

    public IReadOnlyList<DescribeAlarmsRequest> Requests => _requests;

    public void SetMetricAlarm(string name, string state, string? reasonData,
        string? metricName = "node_cpu_utilization")
    {
        MetricAlarms.RemoveAll(a => a.AlarmName == name);
        MetricAlarms.Add(new MetricAlarm
        {
            AlarmName = name,
            AlarmArn = AlarmEvents.Arn(name),
            StateValue = state,
            StateReasonData = reasonData,
            MetricName = metricName,
        });
    }

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(
        DescribeAlarmsRequest request, CancellationToken cancellationToken = default)
    {
        log.Add("cloudwatch:DescribeAlarms");
        _requests.Add(request);
        if (Failure is { } failure)
        {
            throw failure;
        }

        bool Wanted(string? name, string? state) =>
            (request.AlarmNames is null || request.AlarmNames.Contains(name!)) &&
            (IgnoreStateFilter || request.StateValue is null || request.StateValue == state);
        var metric = MetricAlarms.Where(a => Wanted(a.AlarmName, a.StateValue)).ToList();
        var composite = CompositeAlarms.Where(a => Wanted(a.AlarmName, a.StateValue)).ToList();
        return Task.FromResult(PageSize is { } size ? Page(request.NextToken, size, metric, composite)
            : new DescribeAlarmsResponse { MetricAlarms = metric, CompositeAlarms = composite });
    }

    private DescribeAlarmsResponse Page(string? token, int size, List<MetricAlarm> metric,
        List<CompositeAlarm> composite)
    {
        var start = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var end = start + size;
        var more = EndlessPages || end < metric.Count + composite.Count;
        return new DescribeAlarmsResponse
        {
            MetricAlarms = metric.Skip(start).Take(size).ToList(),
            CompositeAlarms = composite.Skip(Math.Max(0, start - metric.Count))
                .Take(Math.Max(0, end - Math.Max(start, metric.Count))).ToList(),
            NextToken = more ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    public Task<GetMetricDataResponse> GetMetricDataAsync(
        GetMetricDataRequest request, CancellationToken cancellationToken = default)
    {
        log.Add("cloudwatch:GetMetricData");
        throw new NotSupportedException("scale-nodes must not call GetMetricData");
    }
}
