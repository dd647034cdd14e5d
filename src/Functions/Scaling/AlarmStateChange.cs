namespace DialControl.Functions.Scaling;

/// <summary>One alarm state change, from either event shape.</summary>
/// <param name="Trigger"><c>eventbridge</c> or <c>alarm-action</c>.</param>
/// <param name="EventKey">
/// The duplicate-delivery key: <c>alarm|name|state timestamp</c>, the same for both shapes of one state
/// change, so an alarm that both invokes the function and feeds an EventBridge rule acts once.
/// </param>
/// <param name="AlarmName">The alarm name.</param>
/// <param name="AlarmType"><c>metric</c>, <c>metric-math</c>, <c>composite</c> or <c>unknown</c>.</param>
/// <param name="State">ALARM, OK or INSUFFICIENT_DATA.</param>
/// <param name="PreviousState">The state before, when the payload says.</param>
/// <param name="StateTime">When the alarm entered <paramref name="State"/>.</param>
/// <param name="ReasonData">The state's reasonData JSON text, when present.</param>
internal sealed record AlarmStateChange(
    string Trigger,
    string EventKey,
    string AlarmName,
    string AlarmType,
    string State,
    string? PreviousState,
    DateTimeOffset StateTime,
    string? ReasonData);
