using DialControl.Aws.CloudWatch;

namespace DialControl.Functions.Scaling;

/// <summary>Reads which of the configured alarms are in ALARM now (CloudWatch DescribeAlarms).</summary>
internal sealed class AlarmStateReader
{
    /// <summary>
    /// Most pages read. SCALE_POLICIES names at most 100 alarms and a page holds 100, so one page is the
    /// norm; the bound keeps a misbehaving NextToken from looping.
    /// </summary>
    public const int MaxPages = 10;

    private readonly IAmazonCloudWatch _cloudWatch;

    /// <summary>Creates the reader.</summary>
    public AlarmStateReader(IAmazonCloudWatch cloudWatch) => _cloudWatch = cloudWatch;

    /// <summary>The alarms among <paramref name="names"/> in ALARM, by name.</summary>
    public async Task<IReadOnlyDictionary<string, AlarmSnapshot>> ReadInAlarmAsync(
        IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, AlarmSnapshot>(StringComparer.Ordinal);
        string? nextToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await _cloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest
            {
                AlarmNames = [.. names],
                AlarmTypes = [AlarmType.MetricAlarm, AlarmType.CompositeAlarm],
                StateValue = StateValue.Alarm,
                MaxRecords = 100,
                NextToken = nextToken,
            }, cancellationToken);

            Collect(response, found);
            nextToken = response.NextToken;
            if (string.IsNullOrEmpty(nextToken))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Keeps the alarms of <paramref name="response"/> in ALARM. The state is checked again here: the
    /// filter is the service's, and an emulator may ignore it (moto does when AlarmNames is given).
    /// </summary>
    private static void Collect(DescribeAlarmsResponse response, Dictionary<string, AlarmSnapshot> found)
    {
        foreach (var alarm in response.MetricAlarms)
        {
            if (alarm is { StateValue: StateValue.Alarm, AlarmName: { } name })
            {
                var type = alarm.MetricName is null ? "metric-math" : "metric";
                found[name] = new AlarmSnapshot(name, type, alarm.StateReasonData);
            }
        }

        foreach (var alarm in response.CompositeAlarms)
        {
            if (alarm is { StateValue: StateValue.Alarm, AlarmName: { } name })
            {
                found[name] = new AlarmSnapshot(name, "composite", alarm.StateReasonData);
            }
        }
    }
}
