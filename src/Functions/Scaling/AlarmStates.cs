namespace DialControl.Functions.Scaling;

/// <summary>CloudWatch alarm state values.</summary>
internal static class AlarmStates
{
    /// <summary>The alarm condition holds.</summary>
    public const string Alarm = "ALARM";

    /// <summary>The alarm condition does not hold.</summary>
    public const string Ok = "OK";

    /// <summary>Not enough data to tell; scale-nodes logs and ignores it.</summary>
    public const string InsufficientData = "INSUFFICIENT_DATA";

    /// <summary>Whether <paramref name="value"/> is one of the three states.</summary>
    public static bool IsKnown(string value) => value is Alarm or Ok or InsufficientData;
}
