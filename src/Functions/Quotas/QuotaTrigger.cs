namespace DialControl.Functions.Quotas;

/// <summary>Why the function runs: the schedule (every model) or an alarm (the models it is about).</summary>
/// <param name="Kind"><c>schedule</c> or <c>alarm</c>.</param>
/// <param name="AlarmName">The alarm's name, for an alarm.</param>
/// <param name="AlarmState">The alarm's new state (ALARM, OK, INSUFFICIENT_DATA), for an alarm.</param>
/// <param name="Region">The alarm's region, for an alarm.</param>
/// <param name="ModelIds">The <c>ModelId</c> dimensions of its AWS/Bedrock metrics, for an alarm.</param>
internal sealed record QuotaTrigger(
    string Kind, string? AlarmName, string? AlarmState, string? Region, IReadOnlyList<string> ModelIds)
{
    /// <summary>The kind of a scheduled run.</summary>
    public const string Schedule = "schedule";

    /// <summary>The kind of an alarm-driven run.</summary>
    public const string Alarm = "alarm";

    /// <summary>A scheduled run.</summary>
    public static QuotaTrigger Scheduled { get; } = new(Schedule, null, null, null, []);
}
