using System.Security.Cryptography;
using System.Text;

namespace DialControl.Functions.Failover;

/// <summary>
/// The deterministic execution name of an incident: the alarm name and the time it entered ALARM.
/// The same state change delivered twice, or by both EventBridge and the alarm action, yields the
/// same name, and Step Functions refuses a second execution of one name.
/// </summary>
internal static class ExecutionNames
{
    /// <summary>Step Functions' limit on execution names, in characters.</summary>
    public const int MaxLength = 80;

    private const int MaxAlarmPart = 50;

    /// <summary>For example <c>dial-primary-health-20240501T101500Z</c>.</summary>
    public static string ForIncident(string alarmName, DateTimeOffset stateTime)
    {
        ArgumentNullException.ThrowIfNull(alarmName);
        var safe = new StringBuilder(alarmName.Length);
        foreach (var c in alarmName)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var part = safe.ToString();
        if (part.Length > MaxAlarmPart || !string.Equals(part, alarmName, StringComparison.Ordinal))
        {
            // Two alarm names may clean up to the same text; a hash of the original keeps them apart.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alarmName)))[..8];
            part = $"{part[..Math.Min(part.Length, MaxAlarmPart - 9)]}-{hash}";
        }

        return $"{part}-{stateTime.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
    }
}
