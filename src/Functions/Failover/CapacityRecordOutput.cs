namespace DialControl.Functions.Failover;

/// <summary>What the CapacityRecorder returns.</summary>
internal sealed class CapacityRecordOutput
{
    /// <summary>The recorded region.</summary>
    public required string Region { get; init; }

    /// <summary>The recorded cluster.</summary>
    public required string Cluster { get; init; }

    /// <summary>Where the record went: the peer region.</summary>
    public required string PeerRegion { get; init; }

    /// <summary>Where the record went: the peer's table.</summary>
    public required string Table { get; init; }

    /// <summary>Node group name to desired size.</summary>
    public required IReadOnlyDictionary<string, int> DesiredSizes { get; init; }

    /// <summary>Snapshots written (a newer stored one is kept).</summary>
    public required int Written { get; init; }
}
