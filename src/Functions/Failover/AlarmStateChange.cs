namespace DialControl.Functions.Failover;

/// <summary>A CloudWatch alarm's state change, from either delivery shape.</summary>
/// <param name="AlarmName">The alarm.</param>
/// <param name="State">ALARM, OK or INSUFFICIENT_DATA.</param>
/// <param name="StateTime">When the alarm entered the state: the incident's identity.</param>
/// <param name="Reason">CloudWatch's reason text.</param>
/// <param name="Shape">eventbridge or alarm-action: how it was delivered.</param>
internal sealed record AlarmStateChange(
    string AlarmName,
    string State,
    DateTimeOffset StateTime,
    string Reason,
    string Shape);
