namespace DialControl.Functions.Scaling;

/// <summary>An alarm DescribeAlarms reported in ALARM, for the scheduled re-evaluation.</summary>
/// <param name="Name">The alarm name.</param>
/// <param name="Type"><c>metric</c>, <c>metric-math</c> or <c>composite</c>.</param>
/// <param name="ReasonData">StateReasonData: the same JSON as an event's reasonData.</param>
internal sealed record AlarmSnapshot(string Name, string Type, string? ReasonData);
