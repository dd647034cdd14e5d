namespace DialControl.Aws.CloudWatch;

/// <summary>The CloudWatch operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonCloudWatch
{
    /// <summary>Reads one page of metric points for the queries in the window.</summary>
    Task<GetMetricDataResponse> GetMetricDataAsync(
        GetMetricDataRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes one page of alarms: their state, reason and what they watch.</summary>
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(
        DescribeAlarmsRequest request, CancellationToken cancellationToken = default);
}
