using System.Globalization;
using System.Text.RegularExpressions;

namespace DialControl.Functions.Failover;

/// <summary>
/// The settings of the FailoverStep function (the workflow's steps), read from the environment and
/// validated at cold start; <see cref="Load"/> names every bad setting at once.
/// </summary>
internal sealed partial class FailoverOptions
{
    /// <summary>This stack's region (AWS_REGION): the only region a failover here can activate.</summary>
    public required string Region { get; init; }

    /// <summary>The other region (PEER_REGION), normally the primary.</summary>
    public required string PeerRegion { get; init; }

    /// <summary>This region's EKS cluster (CLUSTER_NAME).</summary>
    public required string ClusterName { get; init; }

    /// <summary>The peer's cluster (PEER_CLUSTER_NAME, default CLUSTER_NAME), whose sizes are recorded here.</summary>
    public required string PeerClusterName { get; init; }

    /// <summary>The standby node groups and their production sizes (FAILOVER_NODEGROUPS).</summary>
    public required IReadOnlyList<StandbyNodegroup> Nodegroups { get; init; }

    /// <summary>The record to switch and this region's target.</summary>
    public required DnsRecordSettings Record { get; init; }

    /// <summary>The Route 53 health check of this region's endpoint (FAILOVER_HEALTH_CHECK_ID), if any.</summary>
    public string? HealthCheckId { get; init; }

    /// <summary>A URL of this region's endpoint that answers 2xx when healthy (FAILOVER_PROBE_URL), if any.</summary>
    public Uri? ProbeUrl { get; init; }

    /// <summary>How long one probe may take (FAILOVER_PROBE_TIMEOUT_SECONDS, default 5 s).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The SNS topic for announcements (FAILOVER_TOPIC_ARN).</summary>
    public required string TopicArn { get; init; }

    /// <summary>The EventBridge bus for announcements (EVENT_BUS_NAME, default <c>default</c>).</summary>
    public required string EventBus { get; init; }

    /// <summary>This region's state table (STATE_TABLE), where the peer records its node group sizes.</summary>
    public required string StateTable { get; init; }

    /// <summary>Reads and validates the settings; throws ConfigurationException naming every problem.</summary>
    public static FailoverOptions Load(IReadOnlyDictionary<string, string> settings)
    {
        var reader = new SettingReader(settings);
        var region = reader.Region("AWS_REGION");
        var peer = reader.Region("PEER_REGION");
        if (region.Length > 0 && string.Equals(region, peer, StringComparison.Ordinal))
        {
            reader.Problem($"PEER_REGION is '{peer}', the same as AWS_REGION; expected the other region of the pair");
        }

        var cluster = reader.Required("CLUSTER_NAME", "the name of this region's EKS cluster");
        var options = new FailoverOptions
        {
            Region = region,
            PeerRegion = peer,
            ClusterName = cluster,
            PeerClusterName = reader.Optional("PEER_CLUSTER_NAME") ?? cluster,
            Nodegroups = ReadNodegroups(reader),
            Record = DnsRecordReader.Read(reader),
            HealthCheckId = reader.Optional("FAILOVER_HEALTH_CHECK_ID"),
            ProbeUrl = ReadProbeUrl(reader),
            ProbeTimeout = TimeSpan.FromSeconds(reader.Integer("FAILOVER_PROBE_TIMEOUT_SECONDS", 5, 1, 30, "seconds")),
            TopicArn = ReadTopicArn(reader),
            EventBus = reader.Optional("EVENT_BUS_NAME") ?? "default",
            StateTable = reader.Required(
                Hosting.StateTable.Setting,
                "the name of this region's DialControl state table"),
        };
        if (options.HealthCheckId is null && options.ProbeUrl is null)
        {
            reader.Problem("neither FAILOVER_HEALTH_CHECK_ID nor FAILOVER_PROBE_URL is set; expected at least one, " +
                "so the standby's health is checked before DNS is switched to it");
        }

        reader.ThrowIfInvalid();
        return options;
    }

    private static List<StandbyNodegroup> ReadNodegroups(SettingReader reader)
    {
        const string Form = "comma-separated standby[:primary]=size entries such as 'dial-core=3,gpu:gpu-primary=2' " +
            "(node group names of 1-63 letters, digits, - and _; sizes 1 to 1000)";
        var raw = reader.Required("FAILOVER_NODEGROUPS", Form);
        var groups = new List<StandbyNodegroup>();
        var entries = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            var group = ParseNodegroup(entry);
            if (group is null)
            {
                reader.Problem($"FAILOVER_NODEGROUPS entry '{entry}' is malformed; expected {Form}");
            }
            else if (groups.Exists(g => string.Equals(g.Name, group.Name, StringComparison.Ordinal)))
            {
                reader.Problem($"FAILOVER_NODEGROUPS names node group '{group.Name}' twice; expected each once");
            }
            else
            {
                groups.Add(group);
            }
        }

        if (raw.Length > 0 && entries.Length == 0)
        {
            reader.Problem($"FAILOVER_NODEGROUPS is '{raw}' and names no node group; expected {Form}");
        }

        return groups;
    }

    private static StandbyNodegroup? ParseNodegroup(string entry)
    {
        var match = NodegroupEntry().Match(entry);
        if (!match.Success ||
            !int.TryParse(match.Groups["size"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ||
            size is < 1 or > 1000)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var primary = match.Groups["primary"].Success ? match.Groups["primary"].Value : name;
        return new StandbyNodegroup(name, primary, size);
    }

    private static Uri? ReadProbeUrl(SettingReader reader)
    {
        var raw = reader.Optional("FAILOVER_PROBE_URL");
        if (raw is null)
        {
            return null;
        }

        if (Uri.TryCreate(raw, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        reader.Problem(
            $"FAILOVER_PROBE_URL is '{raw}'; expected an absolute http or https URL of the standby endpoint");
        return null;
    }

    private static string ReadTopicArn(SettingReader reader)
    {
        var arn = reader.Required("FAILOVER_TOPIC_ARN", "the ARN of the SNS topic failovers are announced to");
        if (arn.Length > 0 && !TopicArnPattern().IsMatch(arn))
        {
            reader.Problem($"FAILOVER_TOPIC_ARN is '{arn}'; expected an SNS topic ARN such as " +
                "arn:aws:sns:eu-west-1:123456789012:dial-alerts");
        }

        return arn;
    }

    [GeneratedRegex(
        "^(?<name>[A-Za-z0-9][A-Za-z0-9_-]{0,62})(:(?<primary>[A-Za-z0-9][A-Za-z0-9_-]{0,62}))?=(?<size>[0-9]{1,4})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NodegroupEntry();

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicArnPattern();
}
