using DialControl.Testing;

namespace DialControl.Rehearsal;

/// <summary>
/// Builds the estate in moto through boto3, the official Python SDK, so what the rehearsal checks
/// afterwards was not put there by the code under rehearsal.
/// </summary>
internal static class EstateSeeder
{
    private static readonly string[] s_subnets = ["subnet-dial"];

    public static Estate Seed(string motoUrl, string stateMachineDefinition)
    {
        foreach (var region in new[] { Estate.Primary, Estate.Standby })
        {
            var standby = region == Estate.Standby;
            var sizes = standby ? Estate.StandbySizes : Estate.PrimarySizes;
            Boto3.Call(motoUrl, [.. ClusterCalls(region, sizes), .. StateCalls(region), .. NotificationCalls(region)]);
        }

        var zone = Boto3.One(motoUrl, new("route53", "create_hosted_zone",
            new { Name = Estate.ZoneName, CallerReference = "dialcontrol-rehearsal" }));
        var zoneId = zone["HostedZone"]!["Id"]!.GetValue<string>()
            .Replace("/hostedzone/", string.Empty, StringComparison.Ordinal);
        var checks = Boto3.Call(motoUrl, HealthCheck("dialcontrol-primary", Estate.PrimaryTarget),
            HealthCheck("dialcontrol-standby", Estate.StandbyTarget));
        var primaryCheck = checks[0]!["HealthCheck"]!["Id"]!.GetValue<string>();
        Boto3.Call(motoUrl,
            Record(zoneId, Estate.PrimaryTarget),
            new("cloudwatch", "put_metric_alarm", Alarm(Estate.CpuAlarm, "ContainerInsights",
                "pod_cpu_utilization_over_pod_limit", 80, new { Name = "ClusterName", Value = Estate.Cluster }),
                Estate.Primary),
            new("cloudwatch", "put_metric_alarm", Alarm(Estate.BedrockAlarm, "AWS/Bedrock",
                "InvocationThrottles", 0, new { Name = "ModelId", Value = Estate.ModelId }), Estate.Primary),
            new("cloudwatch", "put_metric_alarm", Alarm(Estate.PrimaryHealthAlarm, "AWS/Route53",
                "HealthCheckStatus", 1, new { Name = "HealthCheckId", Value = primaryCheck }, "LessThanThreshold"),
                Estate.Standby),
            new("stepfunctions", "create_state_machine", new
            {
                name = Estate.StateMachineName,
                definition = stateMachineDefinition,
                roleArn = $"arn:aws:iam::{Estate.Account}:role/dialcontrol-failover",
            }, Estate.Standby));
        return new Estate
        {
            MotoUrl = motoUrl,
            HostedZoneId = zoneId,
            HealthCheckId = checks[1]!["HealthCheck"]!["Id"]!.GetValue<string>(),
            PrimaryHealthCheckId = primaryCheck,
        };
    }

    private static IEnumerable<Boto3Call> ClusterCalls(string region, (int Min, int Max, int Desired) sizes)
    {
        yield return new("eks", "create_cluster", new
        {
            name = Estate.Cluster,
            roleArn = $"arn:aws:iam::{Estate.Account}:role/eks",
            resourcesVpcConfig = new { subnetIds = s_subnets },
        }, region);
        yield return new("eks", "create_nodegroup", new
        {
            clusterName = Estate.Cluster,
            nodegroupName = Estate.NodeGroup,
            nodeRole = $"arn:aws:iam::{Estate.Account}:role/eks-node",
            subnets = s_subnets,
            scalingConfig = new { minSize = sizes.Min, maxSize = sizes.Max, desiredSize = sizes.Desired },
        }, region);
    }

    private static IEnumerable<Boto3Call> StateCalls(string region)
    {
        yield return new("dynamodb", "create_table", new
        {
            TableName = Estate.StateTable,
            BillingMode = "PAY_PER_REQUEST",
            AttributeDefinitions = new[]
            {
                new { AttributeName = "pk", AttributeType = "S" },
                new { AttributeName = "sk", AttributeType = "S" },
            },
            KeySchema = new[]
            {
                new { AttributeName = "pk", KeyType = "HASH" },
                new { AttributeName = "sk", KeyType = "RANGE" },
            },
        }, region);
    }

    private static IEnumerable<Boto3Call> NotificationCalls(string region)
    {
        var queueArn = $"arn:aws:sqs:{region}:{Estate.Account}:{Estate.EventsQueue}";
        yield return new("sqs", "create_queue", new { QueueName = Estate.EventsQueue }, region);
        yield return new("events", "put_rule", new
        {
            Name = "dialcontrol-events-to-queue",
            EventPattern = """{"source":["dialcontrol"]}""",
        }, region);
        yield return new("events", "put_targets", new
        {
            Rule = "dialcontrol-events-to-queue",
            Targets = new[] { new { Id = "queue", Arn = queueArn } },
        }, region);
        yield return new("sns", "create_topic", new { Name = Estate.TopicName }, region);
    }

    private static Boto3Call HealthCheck(string reference, string target) => new("route53", "create_health_check", new
    {
        CallerReference = reference,
        HealthCheckConfig = new
        {
            Type = "HTTPS", FullyQualifiedDomainName = target, Port = 443, ResourcePath = "/health",
        },
    });

    private static Boto3Call Record(string zoneId, string target) => new("route53", "change_resource_record_sets", new
    {
        HostedZoneId = zoneId,
        ChangeBatch = new
        {
            Changes = new[]
            {
                new
                {
                    Action = "UPSERT",
                    ResourceRecordSet = new
                    {
                        Name = Estate.RecordName,
                        Type = "CNAME",
                        TTL = 60,
                        ResourceRecords = new[] { new { Value = target } },
                    },
                },
            },
        },
    });

    private static object Alarm(string name, string ns, string metric, double threshold, object dimension,
        string comparison = "GreaterThanThreshold") => new
    {
        AlarmName = name,
        Namespace = ns,
        MetricName = metric,
        Dimensions = new[] { dimension },
        Statistic = "Average",
        Period = 60,
        EvaluationPeriods = 1,
        Threshold = threshold,
        ComparisonOperator = comparison,
    };
}
