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

    public IReadOnlyList<DescribeAlarmsRequest> Requests => _requests;

    public void SetMetricAlarm(string name, string state, string? reasonData, string? metricName = "node_cpu_utilization")
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
        return Task.FromResult(new DescribeAlarmsResponse
        {
            MetricAlarms = MetricAlarms.Where(a => Wanted(a.AlarmName, a.StateValue)).ToList(),
            CompositeAlarms = CompositeAlarms.Where(a => Wanted(a.AlarmName, a.StateValue)).ToList(),
        });
    }

    public Task<GetMetricDataResponse> GetMetricDataAsync(
        GetMetricDataRequest request, CancellationToken cancellationToken = default)
    {
        log.Add("cloudwatch:GetMetricData");
        throw new NotSupportedException("scale-nodes must not call GetMetricData");
    }
}
