namespace DialControl.Functions.Failover;

/// <summary>
/// The settings of the CapacityRecorder function, validated at cold start.
/// </summary>
internal sealed class CapacityRecorderOptions
{
    /// <summary>This stack's region (AWS_REGION), whose node groups are recorded.</summary>
    public required string Region { get; init; }

    /// <summary>The peer region (PEER_REGION), whose state table receives the record.</summary>
    public required string PeerRegion { get; init; }

    /// <summary>This region's EKS cluster (CLUSTER_NAME).</summary>
    public required string ClusterName { get; init; }

    /// <summary>The peer stack's state table (PEER_STATE_TABLE).</summary>
    public required string PeerStateTable { get; init; }

    /// <summary>How long a snapshot stays usable (CAPACITY_RECORD_TTL_DAYS, default 30 days).</summary>
    public required TimeSpan KeepFor { get; init; }

    /// <summary>Reads and validates the settings; throws ConfigurationException naming every problem.</summary>
    public static CapacityRecorderOptions Load(IReadOnlyDictionary<string, string> settings)
    {
        var reader = new SettingReader(settings);
        var region = reader.Region("AWS_REGION");
        var peer = reader.Region("PEER_REGION");
        if (region.Length > 0 && string.Equals(region, peer, StringComparison.Ordinal))
        {
            reader.Problem($"PEER_REGION is '{peer}', the same as AWS_REGION; expected the other region of the pair");
        }

        var options = new CapacityRecorderOptions
        {
            Region = region,
            PeerRegion = peer,
            ClusterName = reader.Required("CLUSTER_NAME", "the name of this region's EKS cluster"),
            PeerStateTable = reader.Required(
                "PEER_STATE_TABLE",
                "the name of the peer region's DialControl state table"),
            KeepFor = TimeSpan.FromDays(reader.Integer("CAPACITY_RECORD_TTL_DAYS", 30, 1, 365, "days")),
        };
        reader.ThrowIfInvalid();
        return options;
    }
}
