using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Claims an event for a node group in the state table before the EKS call, in one transaction of two
/// conditional puts: the event record (absent: the event is new) and the node group lock (absent or
/// lapsed: no other event is changing the node group). Either both are written or neither.
/// </summary>
internal sealed class ScaleClaimStore
{
    /// <summary>Prefix of the per-node-group lock items (beside <see cref="StateTable.ScaleEventPrefix"/>).</summary>
    public const string LockPrefix = "scale#lock#";

    /// <summary>
    /// How long event records are kept: longer than EventBridge retries a delivery (24 h) and than an
    /// event may be old and still act (MAX_EVENT_AGE_SECONDS, at most one day).
    /// </summary>
    public static readonly TimeSpan RecordLifetime = TimeSpan.FromDays(2);

    private const string ConditionalCheckFailed = "ConditionalCheckFailed";

    private const string TransactionConflict = "TransactionConflict";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;

    /// <summary>Creates the store over <paramref name="table"/>.</summary>
    public ScaleClaimStore(IAmazonDynamoDB dynamo, string table)
    {
        _dynamo = dynamo;
        _table = table;
    }

    /// <summary>Claims <paramref name="claim"/>; says whether it is new, a duplicate, or locked out.</summary>
    public async Task<ClaimResult> TryClaimAsync(ScaleClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var request = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = EventPut(claim) },
                new TransactWriteItem { Put = LockPut(claim) },
            ],
        };
        try
        {
            await _dynamo.TransactWriteItemsAsync(request, cancellationToken);
            return ClaimResult.Claimed;
        }
        catch (TransactionCanceledException ex) when (Interpret(ex.CancellationReasons) is { } result)
        {
            return result;
        }
    }

    private Put EventPut(ScaleClaim claim) => new()
    {
        TableName = _table,
        Item = new Dictionary<string, AttributeValue>
        {
            [StateTable.PartitionKey] = Text(StateTable.ScaleEventPrefix + claim.EventKey),
            [StateTable.SortKey] = Text($"{claim.Cluster}/{claim.NodeGroup}"),
            ["alarm"] = Text(claim.Alarm),
            ["fromDesiredSize"] = Number(claim.FromDesiredSize),
            ["targetDesiredSize"] = Number(claim.TargetDesiredSize),
            ["clientRequestToken"] = Text(claim.ClientRequestToken),
            ["claimedAt"] = Number(claim.ClaimedAt.ToUnixTimeMilliseconds()),
            [StateTable.ExpiresAt] = Number((claim.ClaimedAt + RecordLifetime).ToUnixTimeSeconds()),
        },
        ConditionExpression = "attribute_not_exists(pk)",
        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
    };

    private Put LockPut(ScaleClaim claim)
    {
        var until = claim.ClaimedAt + claim.LockLease;
        return new Put
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                [StateTable.PartitionKey] = Text($"{LockPrefix}{claim.Cluster}/{claim.NodeGroup}"),
                [StateTable.SortKey] = Text("lock"),
                ["holder"] = Text(claim.EventKey),
                ["lockedUntil"] = Number(until.ToUnixTimeMilliseconds()),
                [StateTable.ExpiresAt] = Number((until + TimeSpan.FromDays(1)).ToUnixTimeSeconds()),
            },
            ConditionExpression = "attribute_not_exists(pk) OR lockedUntil <= :now",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":now"] = Number(claim.ClaimedAt.ToUnixTimeMilliseconds()),
            },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    /// <summary>
    /// Reads why the transaction was cancelled: the event record's condition (a duplicate) wins over the
    /// lock's; a conflict with a concurrent transaction counts as locked. Null for any other reason.
    /// </summary>
    private static ClaimResult? Interpret(List<CancellationReason>? reasons)
    {
        if (reasons is not { Count: 2 })
        {
            return null;
        }

        if (reasons[0].Code == ConditionalCheckFailed)
        {
            return new ClaimResult(ClaimStatus.Duplicate, Existing: ReadRecord(reasons[0].Item));
        }

        if (reasons[1].Code == ConditionalCheckFailed)
        {
            var item = reasons[1].Item;
            return new ClaimResult(ClaimStatus.Locked, LockHolder: TextOf(item, "holder"),
                LockedUntil: TimeOf(item, "lockedUntil"));
        }

        return reasons.Any(r => r.Code == TransactionConflict) ? new ClaimResult(ClaimStatus.Locked) : null;
    }

    private static ScaleClaimRecord? ReadRecord(Dictionary<string, AttributeValue>? item)
    {
        if (NumberOf(item, "fromDesiredSize") is not { } from ||
            NumberOf(item, "targetDesiredSize") is not { } target ||
            TextOf(item, "clientRequestToken") is not { } token ||
            TimeOf(item, "claimedAt") is not { } claimedAt)
        {
            return null;
        }

        return new ScaleClaimRecord((int)from, (int)target, token, claimedAt);
    }

    private static AttributeValue Text(string value) => new() { S = value };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static string? TextOf(Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) ? value.S : null;

    private static long? NumberOf(Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) &&
        long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static DateTimeOffset? TimeOf(Dictionary<string, AttributeValue>? item, string name) =>
        NumberOf(item, name) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
}
