using DialControl.Functions.Failover;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Failover.Support;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverOptionsTests
{
    [Fact]
    public void Load_ValidSettings_ReadsEveryValueAndDefault()
    {
        var options = FailoverOptions.Load(FailoverSettings.Step(("FAILOVER_RECORD_NAME", "Chat.Example.COM.")));

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("dial", options.PeerClusterName);
        Assert.Equal(
            [new StandbyNodegroup("core", "core", 3), new StandbyNodegroup("gpu", "gpu-primary", 2)],
            options.Nodegroups);
        Assert.Equal(new DnsRecordSettings(FailoverSettings.ZoneId, "chat.example.com", "A",
            FailoverSettings.StandbyLb, FailoverSettings.LbZoneId, 60, false), options.Record);
        Assert.Equal("default", options.EventBus);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ProbeTimeout);
    }

    [Fact]
    public void Load_NoSettings_NamesEveryRequiredSettingAtOnce()
    {
        var error = Assert.Throws<ConfigurationException>(() => FailoverOptions.Load(new Dictionary<string, string>()));

        Assert.Equal(
        [
            "AWS_REGION is not set; expected an AWS region such as eu-west-1",
            "PEER_REGION is not set; expected an AWS region such as eu-west-1",
            "CLUSTER_NAME is not set; expected the name of this region's EKS cluster",
            "FAILOVER_NODEGROUPS is not set; expected comma-separated standby[:primary]=size entries such as " +
                "'dial-core=3,gpu:gpu-primary=2' (node group names of 1-63 letters, digits, - and _; sizes 1 to 1000)",
            "FAILOVER_HOSTED_ZONE_ID is not set; expected the hosted zone that holds the DIAL record",
            "FAILOVER_RECORD_NAME is not set; expected the DNS name users resolve, such as dial.example.com",
            "FAILOVER_TARGET_DNS_NAME is not set; expected this region's load balancer DNS name (alias) " +
                "or the CNAME value",
            "FAILOVER_TARGET_HOSTED_ZONE_ID is not set; expected the canonical hosted zone id of this region's load " +
                "balancer (for the alias)",
            "FAILOVER_TOPIC_ARN is not set; expected the ARN of the SNS topic failovers are announced to",
            "STATE_TABLE is not set; expected the name of this region's DialControl state table",
            "neither FAILOVER_HEALTH_CHECK_ID nor FAILOVER_PROBE_URL is set; expected at least one, so the standby's " +
                "health is checked before DNS is switched to it",
        ], error.Problems);
        Assert.StartsWith(
            "Invalid configuration (11 problems): AWS_REGION is not set",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("core=0", "FAILOVER_NODEGROUPS entry 'core=0' is malformed")]
    [InlineData("core=3,core=4", "FAILOVER_NODEGROUPS names node group 'core' twice; expected each once")]
    [InlineData("core", "FAILOVER_NODEGROUPS entry 'core' is malformed")]
    [InlineData("core:=3", "FAILOVER_NODEGROUPS entry 'core:=3' is malformed")]
    [InlineData(",", "FAILOVER_NODEGROUPS is ',' and names no node group")]
    public void Load_BadNodegroups_NamesTheEntry(string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(
            () => FailoverOptions.Load(FailoverSettings.Step(("FAILOVER_NODEGROUPS", value))));

        Assert.StartsWith(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutOfRangeAndMalformedValues_NamesEachWithItsRange()
    {
        var error = Assert.Throws<ConfigurationException>(() => FailoverOptions.Load(FailoverSettings.Step(
            ("PEER_REGION", "eu-west-1"),
            ("FAILOVER_RECORD_TYPE", "MX"),
            ("FAILOVER_PROBE_URL", "ftp://standby"),
            ("FAILOVER_TOPIC_ARN", "dial-alerts"),
            ("FAILOVER_EVALUATE_TARGET_HEALTH", "yes"))));

        Assert.Equal(
        [
            "PEER_REGION is 'eu-west-1', the same as AWS_REGION; expected the other region of the pair",
            "FAILOVER_RECORD_TYPE is 'MX'; expected A or AAAA (alias to the load balancer) or CNAME",
            "FAILOVER_EVALUATE_TARGET_HEALTH is 'yes'; expected true or false (default false)",
            "FAILOVER_PROBE_URL is 'ftp://standby'; expected an absolute http or https URL of the standby endpoint",
            "FAILOVER_TOPIC_ARN is 'dial-alerts'; expected an SNS topic ARN such as " +
                "arn:aws:sns:eu-west-1:123456789012:dial-alerts",
        ], error.Problems);
    }

    [Fact]
    public void Load_CnameWithTargetZone_RefusesTheZone()
    {
        var error = Assert.Throws<ConfigurationException>(() => FailoverOptions.Load(FailoverSettings.Step(
            ("FAILOVER_RECORD_TYPE", "cname"))));

        Assert.Equal(
            "FAILOVER_TARGET_HOSTED_ZONE_ID is 'Z32O12XQLNTSW2' but FAILOVER_RECORD_TYPE is CNAME; expected it unset " +
            "(only alias records name a target hosted zone)",
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Load_CnameWithProbeOnly_IsValid()
    {
        var options = FailoverOptions.Load(FailoverSettings.Step(
            ("FAILOVER_RECORD_TYPE", "CNAME"),
            ("FAILOVER_TARGET_HOSTED_ZONE_ID", null),
            ("FAILOVER_HEALTH_CHECK_ID", null),
            ("FAILOVER_PROBE_URL", "https://standby.example.com/health"),
            ("FAILOVER_HOSTED_ZONE_ID", "/hostedzone/Z0HOSTEDZONE")));

        Assert.False(options.Record.IsAlias);
        Assert.Null(options.Record.TargetHostedZoneId);
        Assert.Equal("Z0HOSTEDZONE", options.Record.HostedZoneId);
        Assert.Equal(new Uri("https://standby.example.com/health"), options.ProbeUrl);
    }
}
