using System.Globalization;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>
/// The state table in memory, behind IAmazonDynamoDB. Only the calls scale-nodes makes are implemented
/// (TransactWriteItems with the two conditions it uses, and GetItem for the tests); any other call is
/// logged and fails, so a test sees it. The interface is implemented through DispatchProxy because
/// IAmazonDynamoDB has some sixty members scale-nodes never touches.
/// </summary>
public class FakeDynamoDb : DispatchProxy
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Pk, string Sk), Dictionary<string, AttributeValue>> _items = [];
    private CallLog _log = new();

    /// <summary>Thrown by TransactWriteItems instead of writing (an AWS fault after retries).</summary>
    public Exception? TransactFailure { get; set; }

    public static (IAmazonDynamoDB Client, FakeDynamoDb Table) Create(CallLog log)
    {
        var client = DispatchProxy.Create<IAmazonDynamoDB, FakeDynamoDb>();
        var table = (FakeDynamoDb)(object)client;
        table._log = log;
        return (client, table);
    }

    public IReadOnlyDictionary<string, AttributeValue>? Item(string pk, string sk)
    {
        lock (_gate)
        {
            return _items.TryGetValue((pk, sk), out var item) ? new Dictionary<string, AttributeValue>(item) : null;
        }
    }

    public IReadOnlyList<(string Pk, string Sk)> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Keys];
            }
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var operation = targetMethod.Name.EndsWith("Async", StringComparison.Ordinal)
            ? targetMethod.Name[..^"Async".Length]
            : targetMethod.Name;
        if (operation == "Dispose")
        {
            return null;
        }

        _log.Add("dynamodb:" + operation);
        return args?.FirstOrDefault() switch
        {
            TransactWriteItemsRequest request => TransactWrite(request),
            _ => throw new NotSupportedException($"FakeDynamoDb does not implement {targetMethod.Name}"),
        };
    }

    private Task<TransactWriteItemsResponse> TransactWrite(TransactWriteItemsRequest request)
    {
        if (TransactFailure is { } failure)
        {
            return Task.FromException<TransactWriteItemsResponse>(failure);
        }

        lock (_gate)
        {
            var puts = request.TransactItems.Select(t => t.Put ?? throw new NotSupportedException("only Put")).ToList();
            var reasons = puts.Select(Check).ToList();
            if (reasons.Any(r => r.Code != "None"))
            {
                return Task.FromException<TransactWriteItemsResponse>(
                    new TransactionCanceledException("Transaction cancelled") { CancellationReasons = reasons });
            }

            foreach (var put in puts)
            {
                _items[Key(put.Item)] = new Dictionary<string, AttributeValue>(put.Item);
            }
        }

        return Task.FromResult(new TransactWriteItemsResponse());
    }

    private CancellationReason Check(Put put)
    {
        _items.TryGetValue(Key(put.Item), out var current);
        var passes = put.ConditionExpression switch
        {
            "attribute_not_exists(pk)" => current is null,
            "attribute_not_exists(pk) OR lockedUntil <= :now" => current is null ||
                Number(current["lockedUntil"]) <= Number(put.ExpressionAttributeValues[":now"]),
            _ => throw new NotSupportedException($"condition {put.ConditionExpression} is not implemented"),
        };
        if (passes)
        {
            return new CancellationReason { Code = "None" };
        }

        var old = put.ReturnValuesOnConditionCheckFailure == ReturnValuesOnConditionCheckFailure.ALL_OLD
            ? new Dictionary<string, AttributeValue>(current!)
            : null;
        return new CancellationReason { Code = "ConditionalCheckFailed", Message = "The conditional request failed", Item = old };
    }

    private static (string, string) Key(Dictionary<string, AttributeValue> item) => (item["pk"].S, item["sk"].S);

    private static long Number(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);
}
