namespace DialControl.Functions.Scaling;

/// <summary>One alarm to act on, from an alarm event or from the schedule, with its policy.</summary>
/// <param name="Trigger"><c>eventbridge</c>, <c>alarm-action</c> or <c>schedule</c>.</param>
/// <param name="EventKey">The duplicate-delivery key of this evaluation.</param>
/// <param name="AlarmName">The alarm.</param>
/// <param name="AlarmType"><c>metric</c>, <c>metric-math</c>, <c>composite</c> or <c>unknown</c>.</param>
/// <param name="AlarmState">ALARM, OK or INSUFFICIENT_DATA.</param>
/// <param name="ReasonData">The alarm's reasonData JSON text, when there is one.</param>
/// <param name="Policy">The policy that names the alarm.</param>
internal sealed record AlarmEvaluation(
    string Trigger,
    string EventKey,
    string AlarmName,
    string AlarmType,
    string AlarmState,
    string? ReasonData,
    ScalePolicy Policy);
