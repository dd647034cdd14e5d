namespace DialControl.Functions.Scaling;

/// <summary>What an invocation asks for, as the event parser understood it.</summary>
internal abstract record ScaleTrigger;

/// <summary>An alarm changed state (EventBridge event or alarm action payload).</summary>
/// <param name="Change">The state change.</param>
internal sealed record AlarmTrigger(AlarmStateChange Change) : ScaleTrigger;

/// <summary>The periodic re-evaluation of alarms still in ALARM.</summary>
/// <param name="EventId">The scheduled event's id: the same id on every delivery of one event.</param>
internal sealed record ScheduleTrigger(string EventId) : ScaleTrigger;

/// <summary>A payload that is not something to act on; logged as a skip.</summary>
/// <param name="Trigger">The trigger kind when it could be told, else "unknown".</param>
/// <param name="AlarmName">The alarm, when the payload named one.</param>
/// <param name="ReasonCode">A stable code, for example <c>malformed-json</c>.</param>
/// <param name="Reason">What was wrong and what the function accepts.</param>
internal sealed record RejectedTrigger(string Trigger, string? AlarmName, string ReasonCode, string Reason)
    : ScaleTrigger;
