using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Quotas;

/// <summary>
/// <see cref="IQuotaLevelStore"/> on the stack's state table (AWSSDK.DynamoDBv2): one item per target,
/// pk <c>quota#level#&lt;region&gt;#&lt;modelId&gt;</c>, sk <c>live</c> or <c>dryrun</c>. Items carry no TTL:
/// a level must outlive any quiet period, and an item of a removed model is a few bytes.
/// </summary>
internal sealed class DynamoDbQuotaLevelStore : IQuotaLevelStore
{
    private const string LevelAttribute = "level";
    private const string ChangedAtAttribute = "changedAt";
    private const string UtilisationAttribute = "utilisationPercent";
    private const string QuotaCodeAttribute = "quotaCode";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly string _table;

    /// <summary>Creates the store over <paramref name="table"/>.</summary>
    public DynamoDbQuotaLevelStore(IAmazonDynamoDB dynamoDb, string table)
    {
        _dynamoDb = dynamoDb;
        _table = table;
    }

    /// <inheritdoc />
    public async Task<StoredQuotaLevel?> GetAsync(QuotaLevelKey key, CancellationToken cancellationToken)
    {
        var response = await _dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = Key(key),
            ConsistentRead = true,
        }, cancellationToken);
        var item = response.Item;
        if (item is null || item.Count == 0 || !item.TryGetValue(LevelAttribute, out var level)
            || !QuotaLevelNames.TryParse(level.S, out var parsed))
        {
            return null;
        }

        return new StoredQuotaLevel(parsed,
            item.TryGetValue(ChangedAtAttribute, out var at) && at.S is not null
                ? DateTimeOffset.Parse(at.S, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue,
            item.TryGetValue(UtilisationAttribute, out var u) && u.N is not null
                ? double.Parse(u.N, CultureInfo.InvariantCulture) : null,
            item.TryGetValue(QuotaCodeAttribute, out var code) ? code.S : null);
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordAsync(
        QuotaLevelKey key, StoredQuotaLevel next, QuotaLevel? expected, CancellationToken cancellationToken)
    {
        try
        {
            await _dynamoDb.PutItemAsync(Put(key, next, expected), cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task RestoreAsync(
        QuotaLevelKey key, StoredQuotaLevel? previous, QuotaLevel current, CancellationToken cancellationToken)
    {
        try
        {
            if (previous is not null)
            {
                await _dynamoDb.PutItemAsync(Put(key, previous, current), cancellationToken);
                return;
            }

            await _dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _table,
                Key = Key(key),
                ConditionExpression = "#level = :expected",
                ExpressionAttributeNames = new() { ["#level"] = LevelAttribute },
                ExpressionAttributeValues = new() { [":expected"] = new AttributeValue { S = current.ToWire() } },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another invocation has recorded a newer level since: it stands.
        }
    }

    private PutItemRequest Put(QuotaLevelKey key, StoredQuotaLevel level, QuotaLevel? expected)
    {
        var item = Key(key);
        item[LevelAttribute] = new AttributeValue { S = level.Level.ToWire() };
        item[ChangedAtAttribute] =
            new AttributeValue { S = level.ChangedAt.ToString("O", CultureInfo.InvariantCulture) };
        if (level.UtilisationPercent is { } utilisation)
        {
            item[UtilisationAttribute] =
                new AttributeValue { N = utilisation.ToString("R", CultureInfo.InvariantCulture) };
        }

        if (level.QuotaCode is not null)
        {
            item[QuotaCodeAttribute] = new AttributeValue { S = level.QuotaCode };
        }

        var request = new PutItemRequest { TableName = _table, Item = item };
        if (expected is null)
        {
            request.ConditionExpression = $"attribute_not_exists({StateTable.PartitionKey})";
            return request;
        }

        request.ConditionExpression = "#level = :expected";
        request.ExpressionAttributeNames = new() { ["#level"] = LevelAttribute };
        request.ExpressionAttributeValues =
            new() { [":expected"] = new AttributeValue { S = expected.Value.ToWire() } };
        return request;
    }

    private static Dictionary<string, AttributeValue> Key(QuotaLevelKey key) => new(StringComparer.Ordinal)
    {
        [StateTable.PartitionKey] = new AttributeValue { S = key.PartitionKey },
        [StateTable.SortKey] = new AttributeValue { S = key.SortKey },
    };
}
