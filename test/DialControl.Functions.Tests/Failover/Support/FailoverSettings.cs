namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>Complete, valid settings of the failover functions; tests change one entry at a time.</summary>
public static class FailoverSettings
{
    public const string Region = "eu-west-1";
    public const string PeerRegion = "eu-central-1";
    public const string Cluster = "dial";
    public const string ZoneId = "Z0HOSTEDZONE";
    public const string RecordName = "chat.example.com";
    public const string StandbyLb = "dial-standby-123.eu-west-1.elb.amazonaws.com";
    public const string PrimaryLb = "dial-primary-456.eu-central-1.elb.amazonaws.com";
    public const string LbZoneId = "Z32O12XQLNTSW2";
    public const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:dial-alerts";
    public const string StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:region-failover";

    public static Dictionary<string, string> Step(params (string Key, string? Value)[] changes) => Apply(new()
    {
        ["AWS_REGION"] = Region,
        ["PEER_REGION"] = PeerRegion,
        ["CLUSTER_NAME"] = Cluster,
        ["FAILOVER_NODEGROUPS"] = "core=3,gpu:gpu-primary=2",
        ["FAILOVER_HOSTED_ZONE_ID"] = ZoneId,
        ["FAILOVER_RECORD_NAME"] = RecordName,
        ["FAILOVER_RECORD_TYPE"] = "A",
        ["FAILOVER_TARGET_DNS_NAME"] = StandbyLb,
        ["FAILOVER_TARGET_HOSTED_ZONE_ID"] = LbZoneId,
        ["FAILOVER_HEALTH_CHECK_ID"] = "hc-standby",
        ["FAILOVER_TOPIC_ARN"] = TopicArn,
        ["STATE_TABLE"] = "dialcontrol-state",
    }, changes);

    public static Dictionary<string, string> Trigger(params (string Key, string? Value)[] changes) => Apply(new()
    {
        ["AWS_REGION"] = Region,
        ["AUTO_FAILOVER_ENABLED"] = "true",
        ["FAILOVER_ALARM_NAME"] = "dial-primary-health",
        ["FAILOVER_STATE_MACHINE_ARN"] = StateMachineArn,
        ["STATE_TABLE"] = "dialcontrol-state",
    }, changes);

    public static Dictionary<string, string> Recorder(params (string Key, string? Value)[] changes) => Apply(new()
    {
        ["AWS_REGION"] = PeerRegion,
        ["PEER_REGION"] = Region,
        ["CLUSTER_NAME"] = Cluster,
        ["PEER_STATE_TABLE"] = "dialcontrol-state",
    }, changes);

    private static Dictionary<string, string> Apply(
        Dictionary<string, string> settings,
        (string Key, string? Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
