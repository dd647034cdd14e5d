using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Failover;

/// <summary>
/// The last started failover in the state table: one item, pk <c>failover#trigger</c>, sk <c>last</c>,
/// holding the execution name and <c>startedAt</c> (epoch seconds). The claim is one conditional
/// PutItem that succeeds only when there is no item or it is older than the minimum interval, so two
/// triggers racing for two incidents cannot both win.
/// </summary>
internal sealed class DynamoDbTriggerClaims(IAmazonDynamoDB dynamoDb, string table) : ITriggerClaims
{
    /// <summary>The item's partition key.</summary>
    public const string PartitionKey = StateTable.FailoverPrefix + "trigger";

    /// <summary>The item's sort key.</summary>
    public const string SortKey = "last";

    /// <inheritdoc />
    public async Task<ClaimResult> TryClaimAsync(
        string executionName, DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new(Key())
                {
                    ["executionName"] = new AttributeValue { S = executionName },
                    ["startedAt"] = N(now.ToUnixTimeSeconds()),
                    [StateTable.ExpiresAt] = N(now.Add(minInterval).AddDays(1).ToUnixTimeSeconds()),
                },
                ConditionExpression = "attribute_not_exists(pk) OR startedAt <= :cutoff",
                ExpressionAttributeValues = new() { [":cutoff"] = N(now.Subtract(minInterval).ToUnixTimeSeconds()) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return new ClaimResult(ClaimOutcome.Claimed, null, null);
        }
        catch (ConditionalCheckFailedException e)
        {
            var old = e.Item is { Count: > 0 } ? e.Item : await ReadAsync(cancellationToken);
            var lastName = old.TryGetValue("executionName", out var name) ? name.S : null;
            DateTimeOffset? lastAt = old.TryGetValue("startedAt", out var at) &&
                long.TryParse(at.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
            var outcome = string.Equals(lastName, executionName, StringComparison.Ordinal)
                ? ClaimOutcome.SameIncident
                : ClaimOutcome.TooSoon;
            return new ClaimResult(outcome, lastName, lastAt);
        }
    }

    private async Task<Dictionary<string, AttributeValue>> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = table, Key = Key(), ConsistentRead = true }, cancellationToken);
        return response.Item ?? [];
    }

    private static Dictionary<string, AttributeValue> Key() => new()
    {
        [StateTable.PartitionKey] = new AttributeValue { S = PartitionKey },
        [StateTable.SortKey] = new AttributeValue { S = SortKey },
    };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
