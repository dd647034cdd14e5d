namespace DialControl.Functions.Hosting;

/// <summary>
/// The one DynamoDB table each regional stack owns (setting <c>STATE_TABLE</c>): partition key
/// <c>pk</c> (S), sort key <c>sk</c> (S), TTL attribute <c>expiresAt</c> (epoch seconds). Each reaction
/// keeps its items under its own <c>pk</c> prefix, so one table and one IAM statement serve all.
/// </summary>
public static class StateTable
{
    /// <summary>The setting that names the table.</summary>
    public const string Setting = "STATE_TABLE";

    /// <summary>Partition key attribute.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key attribute.</summary>
    public const string SortKey = "sk";

    /// <summary>TTL attribute: DynamoDB deletes the item after this time (epoch seconds).</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Prefix of scale-nodes duplicate-delivery records.</summary>
    public const string ScaleEventPrefix = "scale#event#";

    /// <summary>Prefix of the last announced Bedrock quota levels.</summary>
    public const string QuotaLevelPrefix = "quota#level#";

    /// <summary>Prefix of node group size snapshots recorded by the peer region.</summary>
    public const string CapacityPrefix = "capacity#";

    /// <summary>Prefix of failover trigger records (last start per incident).</summary>
    public const string FailoverPrefix = "failover#";
}
