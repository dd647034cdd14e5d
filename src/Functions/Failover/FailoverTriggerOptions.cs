using System.Text.RegularExpressions;

namespace DialControl.Functions.Failover;

/// <summary>The settings of the FailoverTrigger function, validated at cold start.</summary>
internal sealed partial class FailoverTriggerOptions
{
    /// <summary>This stack's region (AWS_REGION): the region the trigger fails over to.</summary>
    public required string Region { get; init; }

    /// <summary>Starts failovers only when true (AUTO_FAILOVER_ENABLED, default false).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The primary-health alarm that triggers a failover (FAILOVER_ALARM_NAME).</summary>
    public required string AlarmName { get; init; }

    /// <summary>The region-failover state machine of this stack (FAILOVER_STATE_MACHINE_ARN).</summary>
    public required string StateMachineArn { get; init; }

    /// <summary>The least time between two started failovers (FAILOVER_MIN_INTERVAL_MINUTES, default 60).</summary>
    public required TimeSpan MinInterval { get; init; }

    /// <summary>This region's state table (STATE_TABLE), where the last start is recorded.</summary>
    public required string StateTable { get; init; }

    /// <summary>Reads and validates the settings; throws ConfigurationException naming every problem.</summary>
    public static FailoverTriggerOptions Load(IReadOnlyDictionary<string, string> settings)
    {
        var reader = new SettingReader(settings);
        var region = reader.Region("AWS_REGION");
        var arn = reader.Required(
            "FAILOVER_STATE_MACHINE_ARN",
            "the ARN of this stack's region-failover state machine");
        var match = StateMachineArnPattern().Match(arn);
        if (arn.Length > 0 && !match.Success)
        {
            reader.Problem($"FAILOVER_STATE_MACHINE_ARN is '{arn}'; expected a state machine ARN such as " +
                "arn:aws:states:eu-west-1:123456789012:stateMachine:region-failover");
        }
        else if (match.Success && region.Length > 0 && match.Groups["region"].Value != region)
        {
            reader.Problem(
                $"FAILOVER_STATE_MACHINE_ARN is in {match.Groups["region"].Value} but AWS_REGION is {region}; " +
                "expected this stack's own state machine (a failover runs in the region it activates)");
        }

        var options = new FailoverTriggerOptions
        {
            Region = region,
            Enabled = reader.Boolean("AUTO_FAILOVER_ENABLED", false),
            AlarmName = reader.Required("FAILOVER_ALARM_NAME", "the name of the primary-health CloudWatch alarm"),
            StateMachineArn = arn,
            MinInterval = TimeSpan.FromMinutes(
                reader.Integer("FAILOVER_MIN_INTERVAL_MINUTES", 60, 1, 10080, "minutes")),
            StateTable = reader.Required(
                Hosting.StateTable.Setting,
                "the name of this region's DialControl state table"),
        };
        reader.ThrowIfInvalid();
        return options;
    }

    [GeneratedRegex("^arn:aws[a-z-]*:states:(?<region>[a-z0-9-]+):[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex StateMachineArnPattern();
}
