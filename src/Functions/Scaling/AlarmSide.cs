namespace DialControl.Functions.Scaling;

/// <summary>
/// Which side of its threshold an alarm's datapoints breach on. The alarm events carry the threshold and
/// the recent datapoints but not the comparison operator, so the policy states it.
/// </summary>
internal enum AlarmSide
{
    /// <summary>The alarm fires when the metric is at or above the threshold (for example CPU high).</summary>
    Above,

    /// <summary>The alarm fires when the metric is at or below the threshold (for example CPU low).</summary>
    Below,
}
