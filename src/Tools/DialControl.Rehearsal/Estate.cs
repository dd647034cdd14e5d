namespace DialControl.Rehearsal;

/// <summary>
/// The two-region DIAL estate the rehearsal builds in moto: the same stack in both regions, the
/// primary serving, the standby passive. Every name the scenarios and the final table use is here.
/// </summary>
internal sealed class Estate
{
    public const string Primary = "eu-west-1";
    public const string Standby = "eu-central-1";
    public const string Account = "123456789012";
    public const string Cluster = "dial";
    public const string NodeGroup = "dial-core";
    public const string StateTable = "dialcontrol-state";
    public const string ZoneName = "dial.example.com";
    public const string RecordName = "chat.dial.example.com";
    public const string PrimaryTarget = "dial-primary-1234.eu-west-1.elb.amazonaws.com";
    public const string StandbyTarget = "dial-standby-5678.eu-central-1.elb.amazonaws.com";
    public const string CpuAlarm = "dial-core-cpu-high";
    public const string BedrockAlarm = "dial-bedrock-throttles-claude";
    public const string PrimaryHealthAlarm = "dial-primary-health";
    public const string ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    public const string TpmQuotaCode = "L-1A2B3C4D";
    public const string RpmQuotaCode = "L-5E6F7A8B";
    public const string EventsQueue = "dialcontrol-events";
    public const string TopicName = "dialcontrol-alerts";
    public const string StateMachineName = "dialcontrol-region-failover";

    /// <summary>Primary node group: min, max, desired (serving).</summary>
    public static readonly (int Min, int Max, int Desired) PrimarySizes = (2, 10, 3);

    /// <summary>Standby node group at its passive size.</summary>
    public static readonly (int Min, int Max, int Desired) StandbySizes = (1, 10, 1);

    /// <summary>
    /// The standby's configured production size. It is below the primary's serving size on purpose, so
    /// the rehearsal shows the failover taking the larger, recorded primary size.
    /// </summary>
    public const int StandbyProductionSize = 2;

    /// <summary>The state machine's wait bounds (definition substitutions), the template's defaults.</summary>
    public static readonly (string Name, string Value)[] WaitBounds =
    [
        ("CapacityPollSeconds", "30"), ("CapacityMaxChecks", "40"), ("HealthPollSeconds", "15"),
        ("HealthMaxChecks", "8"), ("SyncPollSeconds", "10"), ("SyncMaxChecks", "30"),
    ];

    /// <summary>The scale-out cooldown of the rehearsal's policy, short so the rehearsal need not wait long.</summary>
    public static readonly TimeSpan ScaleOutCooldown = TimeSpan.FromSeconds(15);

    public required string HostedZoneId { get; init; }

    /// <summary>The Route 53 health check of the standby endpoint, which FailoverStep asks.</summary>
    public required string HealthCheckId { get; init; }

    /// <summary>The Route 53 health check of the primary endpoint, which the primary-health alarm watches.</summary>
    public required string PrimaryHealthCheckId { get; init; }

    public required string MotoUrl { get; init; }

    public static string TopicArn(string region) => $"arn:aws:sns:{region}:{Account}:{TopicName}";

    public static string StateMachineArn(string region) =>
        $"arn:aws:states:{region}:{Account}:stateMachine:{StateMachineName}";

    public static string AlarmArn(string region, string alarm) =>
        $"arn:aws:cloudwatch:{region}:{Account}:alarm:{alarm}";

    public static string QueueUrl(string motoUrl, string region) => $"{motoUrl}/{Account}/{EventsQueue}";

    /// <summary>
    /// The environment the primary stack's functions get (ScaleNodes, BedrockQuota, CapacityRecorder).
    /// </summary>
    public Dictionary<string, string> PrimarySettings(string serviceQuotasUrl) => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Primary,
        ["AWS_ENDPOINT_URL"] = MotoUrl,
        ["AWS_ENDPOINT_URL_SERVICE_QUOTAS"] = serviceQuotasUrl,
        ["AWS_LAMBDA_LOG_LEVEL"] = "INFO",
        ["STATE_TABLE"] = StateTable,
        ["CLUSTER_NAME"] = Cluster,
        ["PEER_REGION"] = Standby,
        ["PEER_STATE_TABLE"] = StateTable,
        ["SCALE_POLICIES"] = $$"""
            [{"alarm":"{{CpuAlarm}}","nodegroup":"{{NodeGroup}}","direction":"out",
              "steps":[{"lowerBound":0,"upperBound":10,"add":1},{"lowerBound":10,"add":2}],
              "cooldownSeconds":15,"max":8}]
            """,
        ["BEDROCK_MODELS"] = $$"""
            [{"modelId":"{{ModelId}}","regions":["{{Primary}}"],"tpmQuotaCode":"{{TpmQuotaCode}}",
              "rpmQuotaCode":"{{RpmQuotaCode}}","outputTokenMultiplier":1,
              "alternatives":[{"region":"{{Standby}}","tpmQuotaCode":"{{TpmQuotaCode}}"}]}]
            """,
        ["QUOTA_AUTO_REQUEST"] = "true",
        ["QUOTA_REQUEST_CAP_TPM"] = "400000",
        ["QUOTA_SNS_TOPIC_ARN"] = TopicArn(Primary),
    };

    /// <summary>The environment the standby stack's functions get (FailoverStep, FailoverTrigger).</summary>
    public Dictionary<string, string> StandbySettings() => new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Standby,
        ["AWS_ENDPOINT_URL"] = MotoUrl,
        ["AWS_LAMBDA_LOG_LEVEL"] = "INFO",
        ["STATE_TABLE"] = StateTable,
        ["CLUSTER_NAME"] = Cluster,
        ["PEER_REGION"] = Primary,
        ["PEER_STATE_TABLE"] = StateTable,
        ["FAILOVER_NODEGROUPS"] = $"{NodeGroup}={StandbyProductionSize}",
        ["FAILOVER_HOSTED_ZONE_ID"] = HostedZoneId,
        ["FAILOVER_RECORD_NAME"] = RecordName,
        ["FAILOVER_RECORD_TYPE"] = "CNAME",
        ["FAILOVER_TARGET_DNS_NAME"] = StandbyTarget,
        ["FAILOVER_HEALTH_CHECK_ID"] = HealthCheckId,
        ["FAILOVER_TOPIC_ARN"] = TopicArn(Standby),
        ["FAILOVER_STATE_MACHINE_ARN"] = StateMachineArn(Standby),
        ["FAILOVER_ALARM_NAME"] = PrimaryHealthAlarm,
        ["AUTO_FAILOVER_ENABLED"] = "true",
    };
}
