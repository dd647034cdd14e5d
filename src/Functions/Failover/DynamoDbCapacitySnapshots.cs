using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Failover;

/// <summary>
/// Node group snapshots in a region's state table: pk <c>capacity#{region}#{cluster}</c>, sk the node
/// group name, sizes as numbers, <c>recordedAt</c> and the TTL <c>expiresAt</c> in epoch seconds.
/// </summary>
internal sealed class DynamoDbCapacitySnapshots(IAmazonDynamoDB dynamoDb, string table, TimeProvider time)
    : ICapacitySnapshots
{
    /// <summary>At most this many pages are read; far more than the node groups of one cluster.</summary>
    private const int MaxPages = 10;

    /// <summary>The partition key of a cluster's snapshots.</summary>
    public static string PartitionKey(string region, string cluster) =>
        $"{StateTable.CapacityPrefix}{region}#{cluster}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<NodegroupSnapshot>> ReadAsync(
        string region, string cluster, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var found = new List<NodegroupSnapshot>();
        Dictionary<string, AttributeValue>? start = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = table,
                ConsistentRead = true,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new()
                {
                    [":pk"] = new AttributeValue { S = PartitionKey(region, cluster) },
                },
                ExclusiveStartKey = start,
            }, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                // DynamoDB deletes expired items lazily (within days); an expired one is not evidence.
                var expired = Number(item, StateTable.ExpiresAt) is { } expiresAt && expiresAt <= now;
                if (!expired && FromItem(region, cluster, item) is { } snapshot)
                {
                    found.Add(snapshot);
                }
            }

            start = response.LastEvaluatedKey;
            if (start is null || start.Count == 0)
            {
                break;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<int> WriteAsync(
        IReadOnlyList<NodegroupSnapshot> snapshots, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var snapshot in snapshots)
        {
            try
            {
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = ToItem(snapshot, keepFor),
                    // A slow run must not overwrite what a later run already stored.
                    ConditionExpression = "attribute_not_exists(recordedAt) OR recordedAt <= :at",
                    ExpressionAttributeValues = new() { [":at"] = N(snapshot.RecordedAt.ToUnixTimeSeconds()) },
                }, cancellationToken);
                written++;
            }
            catch (ConditionalCheckFailedException)
            {
                // A newer snapshot of this node group is already stored; keep it.
            }
        }

        return written;
    }

    private static Dictionary<string, AttributeValue> ToItem(NodegroupSnapshot s, TimeSpan keepFor) => new()
    {
        [StateTable.PartitionKey] = new AttributeValue { S = PartitionKey(s.Region, s.Cluster) },
        [StateTable.SortKey] = new AttributeValue { S = s.Nodegroup },
        ["desiredSize"] = N(s.DesiredSize),
        ["minSize"] = N(s.MinSize),
        ["maxSize"] = N(s.MaxSize),
        ["status"] = new AttributeValue { S = s.Status },
        ["recordedAt"] = N(s.RecordedAt.ToUnixTimeSeconds()),
        [StateTable.ExpiresAt] = N(s.RecordedAt.Add(keepFor).ToUnixTimeSeconds()),
    };

    private static NodegroupSnapshot? FromItem(string region, string cluster, Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(StateTable.SortKey, out var sk) || sk.S is null ||
            Number(item, "desiredSize") is not { } desired || Number(item, "recordedAt") is not { } at)
        {
            return null;
        }

        return new NodegroupSnapshot(region, cluster, sk.S, (int)desired, (int)(Number(item, "minSize") ?? 0),
            (int)(Number(item, "maxSize") ?? desired), item.TryGetValue("status", out var st) ? st.S ?? "" : "",
            DateTimeOffset.FromUnixTimeSeconds(at));
    }

    private static long? Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null &&
        long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
