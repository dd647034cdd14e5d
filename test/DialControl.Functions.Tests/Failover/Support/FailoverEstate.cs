using System.Text.Json;
using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>
/// A two-region DIAL estate in moto, seeded through boto3: the standby (eu-west-1) with node groups
/// core (0 of max 2) and gpu (1 of max 4); the primary (eu-central-1) with core at 5 and gpu-primary at
/// 1; the hosted zone whose record points at the primary's load balancer; a health check; the standby's
/// state table, SNS topic and event rule (both drained into SQS queues so tests can read what was
/// sent); and the region-failover state machine, so ListExecutions has something to list.
/// </summary>
public sealed class FailoverEstate
{
    public const string Standby = FailoverSettings.Region;
    public const string Primary = FailoverSettings.PeerRegion;
    public const string Table = "dialcontrol-state";

    private readonly string _url;
    private readonly Dictionary<string, string> _queueUrls = new(StringComparer.Ordinal);

    private FailoverEstate(string url) => _url = url;

    public string ZoneId { get; private set; } = string.Empty;

    public string HealthCheckId { get; private set; } = string.Empty;

    public string StateMachineArn { get; private set; } = string.Empty;

    private static readonly Dictionary<string, FailoverEstate> s_seeded = new(StringComparer.Ordinal);

    /// <summary>
    /// The estate in <paramref name="moto"/>, as seeded: the first call seeds it (boto3 runs are slow,
    /// so once per moto_server); later calls put back what the failover tests change. Tests of this
    /// collection never reset moto; the ones that need their own resources name them uniquely.
    /// </summary>
    public static FailoverEstate Acquire(MotoServer moto)
    {
        ArgumentNullException.ThrowIfNull(moto);
        lock (s_seeded)
        {
            if (s_seeded.TryGetValue(moto.Url, out var estate))
            {
                estate.Restore();
                return estate;
            }

            estate = Seed(moto);
            s_seeded[moto.Url] = estate;
            return estate;
        }
    }

    /// <summary>Resets moto and seeds the estate (two boto3 runs: the zone id comes from the first).</summary>
    private static FailoverEstate Seed(MotoServer moto)
    {
        moto.Reset();
        var estate = new FailoverEstate(moto.Url);
        var clusters = ClusterCalls().ToList();
        var created = Boto3.Call(moto.Url, [.. clusters, .. ServiceCalls()]);
        estate._queueUrls[EventsQueueName] = created[clusters.Count]!["QueueUrl"]!.GetValue<string>();
        estate._queueUrls[MessagesQueueName] = created[clusters.Count + 1]!["QueueUrl"]!.GetValue<string>();
        estate.ZoneId = created[^4]!["HostedZone"]!["Id"]!.GetValue<string>().Split('/')[^1];
        estate.HealthCheckId = created[^3]!["HealthCheck"]!["Id"]!.GetValue<string>();
        estate.StateMachineArn = created[^2]!["stateMachineArn"]!.GetValue<string>();
        estate.PointRecordAt(FailoverSettings.PrimaryLb);
        return estate;
    }

    public JsonObject Call(string service, string operation, object? parameters = null, string region = Standby) =>
        Boto3.One(_url, new Boto3Call(service, operation, parameters, region));

    /// <summary>The settings of the standby's FailoverStep, pointed at moto.</summary>
    public Dictionary<string, string> StepSettings(string probeUrl) => FailoverSettings.Step(
        ("AWS_ENDPOINT_URL", _url),
        ("FAILOVER_HOSTED_ZONE_ID", ZoneId),
        ("FAILOVER_HEALTH_CHECK_ID", HealthCheckId),
        ("FAILOVER_PROBE_URL", probeUrl),
        ("FAILOVER_PROBE_TIMEOUT_SECONDS", "2"),
        ("STATE_TABLE", Table));

    /// <summary>
    /// What the failover tests check, read in one boto3 run: the record, the standby's sizes, what was sent.
    /// </summary>
    public EstateView Observe()
    {
        var seen = Boto3.Call(_url,
            new("route53", "list_resource_record_sets", new { HostedZoneId = ZoneId }),
            Describe("core"),
            Describe("gpu"),
            Sqs("receive_message", new { QueueUrl = QueueUrl(EventsQueueName), MaxNumberOfMessages = 10 }),
            Sqs("receive_message", new { QueueUrl = QueueUrl(MessagesQueueName), MaxNumberOfMessages = 10 }));
        var alias = seen[0]!["ResourceRecordSets"]!.AsArray()
            .Single(r => (string?)r!["Name"] == FailoverSettings.RecordName + "." && (string?)r["Type"] == "A")!
            ["AliasTarget"]!;
        return new EstateView(
            alias["DNSName"]!.GetValue<string>(),
            alias["HostedZoneId"]!.GetValue<string>(),
            Sizes(seen[1]!),
            Sizes(seen[2]!),
            Bodies(seen[3]!),
            Bodies(seen[4]!));
    }

    public void PointRecordAt(string loadBalancer) => Call("route53", "change_resource_record_sets", new
    {
        HostedZoneId = ZoneId,
        ChangeBatch = new { Changes = new[] { AliasUpsert(loadBalancer) } },
    });

    private static Boto3Call Describe(string nodegroup) =>
        new(
            "eks",
            "describe_nodegroup",
            new { clusterName = FailoverSettings.Cluster, nodegroupName = nodegroup },
            Standby);

    private static (int Desired, int Max) Sizes(JsonNode described)
    {
        var scaling = described["nodegroup"]!["scalingConfig"]!;
        return (scaling["desiredSize"]!.GetValue<int>(), scaling["maxSize"]!.GetValue<int>());
    }

    private static List<JsonObject> Bodies(JsonNode received) =>
        [
            .. (received["Messages"]?.AsArray() ?? [])
                .Select(m => JsonNode.Parse(m!["Body"]!.GetValue<string>())!.AsObject()),
        ];

    /// <summary>Starts an execution of the moto state machine, which stays RUNNING.</summary>
    public string StartOtherExecution(string name) =>
        Call("stepfunctions", "start_execution", new { stateMachineArn = StateMachineArn, name, input = "{}" })
            ["executionArn"]!.GetValue<string>();

    /// <summary>Puts back the record, the standby's sizes, the empty queues and the empty state table.</summary>
    private void Restore()
    {
        Boto3.Call(_url,
            new("route53", "change_resource_record_sets", new
            {
                HostedZoneId = ZoneId,
                ChangeBatch = new { Changes = new[] { AliasUpsert(FailoverSettings.PrimaryLb) } },
            }),
            Resize("core", 0, 2),
            Resize("gpu", 1, 4),
            Sqs("purge_queue", new { QueueUrl = QueueUrl(EventsQueueName) }),
            Sqs("purge_queue", new { QueueUrl = QueueUrl(MessagesQueueName) }),
            DeleteItem($"capacity#{Primary}#{FailoverSettings.Cluster}", "core"),
            DeleteItem($"capacity#{Primary}#{FailoverSettings.Cluster}", "gpu-primary"),
            DeleteItem("failover#trigger", "last"));
    }

    private static Boto3Call Resize(string nodegroup, int desired, int max) => new("eks", "update_nodegroup_config", new
    {
        clusterName = FailoverSettings.Cluster,
        nodegroupName = nodegroup,
        scalingConfig = new { minSize = 0, maxSize = max, desiredSize = desired },
    }, Standby);

    private static Boto3Call DeleteItem(string pk, string sk) => new("dynamodb", "delete_item", new
    {
        TableName = Table,
        Key = new { pk = new { S = pk }, sk = new { S = sk } },
    }, Standby);

    private static object AliasUpsert(string loadBalancer) => new
    {
        Action = "UPSERT",
        ResourceRecordSet = new
        {
            Name = FailoverSettings.RecordName + ".",
            Type = "A",
            AliasTarget = new
            {
                HostedZoneId = FailoverSettings.LbZoneId,
                DNSName = loadBalancer + ".",
                EvaluateTargetHealth = false,
            },
        },
    };

    private static IEnumerable<Boto3Call> ClusterCalls()
    {
        foreach (var (region, groups) in new[]
        {
            (Standby, new[] { ("core", 0, 2), ("gpu", 1, 4) }),
            (Primary, new[] { ("core", 5, 8), ("gpu-primary", 1, 4) }),
        })
        {
            yield return new("eks", "create_cluster", new
            {
                name = FailoverSettings.Cluster,
                roleArn = "arn:aws:iam::123456789012:role/eks",
                resourcesVpcConfig = new { subnetIds = new[] { "subnet-1" } },
            }, region);
            foreach (var (name, desired, max) in groups)
            {
                yield return new("eks", "create_nodegroup", new
                {
                    clusterName = FailoverSettings.Cluster,
                    nodegroupName = name,
                    nodeRole = "arn:aws:iam::123456789012:role/node",
                    subnets = new[] { "subnet-1" },
                    scalingConfig = new { minSize = 0, maxSize = max, desiredSize = desired },
                }, region);
            }
        }
    }

    /// <summary>
    /// The standby's services; the last four answers are the zone, health check, state machine, table.
    /// </summary>
    private static IEnumerable<Boto3Call> ServiceCalls()
    {
        yield return Sqs("create_queue", new { QueueName = EventsQueueName });
        yield return Sqs("create_queue", new { QueueName = MessagesQueueName });
        yield return new("events", "put_rule", new
        {
            Name = "failover", EventPattern = JsonSerializer.Serialize(new { source = new[] { "dialcontrol" } }),
        }, Standby);
        yield return new("events", "put_targets", new
        {
            Rule = "failover", Targets = new[] { new { Id = "queue", Arn = QueueArn(EventsQueueName) } },
        }, Standby);
        yield return new("sns", "create_topic", new { Name = "dial-alerts" }, Standby);
        yield return new("sns", "subscribe", new
        {
            TopicArn = FailoverSettings.TopicArn, Protocol = "sqs", Endpoint = QueueArn(MessagesQueueName),
        }, Standby);
        yield return new("route53", "create_hosted_zone", new { Name = "example.com.", CallerReference = "estate" });
        yield return new("route53", "create_health_check", new
        {
            CallerReference = "standby",
            HealthCheckConfig = new
            {
                Type = "HTTPS", FullyQualifiedDomainName = "standby.example.com", Port = 443, ResourcePath = "/health",
            },
        });
        yield return new("stepfunctions", "create_state_machine", new
        {
            name = "region-failover",
            definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""",
            roleArn = "arn:aws:iam::123456789012:role/sfn",
        }, Standby);
        yield return new("dynamodb", "create_table", new
        {
            TableName = Table,
            KeySchema = new[]
            {
                new { AttributeName = "pk", KeyType = "HASH" },
                new { AttributeName = "sk", KeyType = "RANGE" },
            },
            AttributeDefinitions = new[]
            {
                new { AttributeName = "pk", AttributeType = "S" }, new { AttributeName = "sk", AttributeType = "S" },
            },
            BillingMode = "PAY_PER_REQUEST",
        }, Standby);
    }

    private const string EventsQueueName = "failover-events";
    private const string MessagesQueueName = "failover-messages";

    private static string QueueArn(string name) => $"arn:aws:sqs:{Standby}:123456789012:{name}";

    private static Boto3Call Sqs(string operation, object parameters) => new("sqs", operation, parameters, Standby);

    private string QueueUrl(string name) => _queueUrls[name];
}
