using System.Text.Json.Nodes;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Template;

/// <summary>
/// primary-health-forwarder.template: the us-east-1 stack that lets a standby outside us-east-1 see
/// the primary's Route 53 health alarm. It must lint clean, raise the same alarm serverless.template
/// would, under the name the standby's FailoverTrigger matches, and grant nothing but the one forward.
/// </summary>
public sealed class ForwarderTemplateTests
{
    private static readonly string s_path = RepoPaths.Combine("primary-health-forwarder.template");

    private static readonly JsonObject s_forwarder = JsonNode.Parse(File.ReadAllText(s_path))!.AsObject();

    private static readonly TemplateDocument s_serverless = TemplateDocument.Load();

    private static JsonNode StandbyBus => JsonNode.Parse(
        """{"Fn::Sub": "arn:${AWS::Partition}:events:${StandbyRegion}:${AWS::AccountId}:event-bus/default"}""")!;

    [Fact]
    public void CfnLint_ForwarderTemplate_ReportsNoFinding()
    {
        var (exitCode, output) = CfnLint.Run(s_path);

        Assert.True(exitCode == 0, $"cfn-lint exited with {exitCode}:\n{output}");
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Alarm_Forwarder_IsServerlessTemplatesPrimaryHealthAlarmButForItsName()
    {
        var forwarded = Properties(s_forwarder["Resources"]!["PrimaryHealthAlarm"]!);
        var own = Properties(s_serverless.Resources["PrimaryHealthAlarm"]!);

        Assert.Equal("""{"Ref":"AlarmName"}""", forwarded["AlarmName"]!.ToJsonString());
        foreach (var copy in new[] { forwarded, own })
        {
            copy.Remove("AlarmName");
            copy.Remove("AlarmDescription");
        }

        Assert.True(JsonNode.DeepEquals(own, forwarded), $"{own.ToJsonString()}\n!=\n{forwarded.ToJsonString()}");
    }

    [Fact]
    public void AlarmName_ForwarderDefault_IsTheNameADefaultStandbyStacksTriggerMatches()
    {
        var rule = s_serverless.Resources["FailoverTrigger"]!["Properties"]!["Events"]!["PrimaryHealthAlarm"]!;
        var matched = rule["Properties"]!["Pattern"]!["detail"]!["alarmName"]![0]!["Fn::If"]!;
        var prefix = s_serverless.Parameters["AlarmNamePrefix"]!["Default"]!.GetValue<string>();

        Assert.Equal("DefaultFailoverAlarm", matched[0]!.GetValue<string>());
        var name = matched[1]!["Fn::Sub"]!.GetValue<string>()
            .Replace("${AlarmNamePrefix}", prefix, StringComparison.Ordinal);
        Assert.Equal(name, s_forwarder["Parameters"]!["AlarmName"]!["Default"]!.GetValue<string>());
    }

    [Fact]
    public void ForwardRule_Pattern_IsTheTriggersStateChangePatternForTheAlarmsName()
    {
        var rule = s_forwarder["Resources"]!["ForwardRule"]!["Properties"]!;
        var trigger = s_serverless.Resources["FailoverTrigger"]!["Properties"]!["Events"]!["PrimaryHealthAlarm"]!;
        var triggerPattern = trigger["Properties"]!["Pattern"]!;

        var pattern = rule["EventPattern"]!;
        Assert.True(JsonNode.DeepEquals(triggerPattern["source"], pattern["source"]));
        Assert.True(JsonNode.DeepEquals(triggerPattern["detail-type"], pattern["detail-type"]));
        Assert.Equal("""[{"Ref":"AlarmName"}]""", pattern["detail"]!["alarmName"]!.ToJsonString());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(StandbyBus, target["Arn"]), target["Arn"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["ForwardRole","Arn"]}""", target["RoleArn"]!.ToJsonString());
    }

    [Fact]
    public void ForwardRole_Grants_OnlyPutEventsOnTheStandbysDefaultBus()
    {
        var resources = s_forwarder["Resources"]!.AsObject();
        var role = resources["ForwardRole"]!["Properties"]!;

        Assert.Single(resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Role");
        var policy = Assert.Single(role["Policies"]!.AsArray())!;
        var statement = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal(("Allow", "events:PutEvents"),
            (statement["Effect"]!.GetValue<string>(), statement["Action"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(StandbyBus, statement["Resource"]), statement["Resource"]!.ToJsonString());
        var trust = Assert.Single(role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("events.amazonaws.com", trust["Principal"]!["Service"]!.GetValue<string>());
    }

    [Fact]
    public void Rules_Forwarder_RefusesAnyRegionButUsEast1AndAStandbyInUsEast1()
    {
        var assertions = s_forwarder["Rules"]!["DeployedWhereRoute53PublishesMetrics"]!["Assertions"]!.AsArray();

        Assert.Equal(
            [
                """{"Fn::Equals":[{"Ref":"AWS::Region"},"us-east-1"]}""",
                """{"Fn::Not":[{"Fn::Equals":[{"Ref":"StandbyRegion"},"us-east-1"]}]}""",
            ],
            assertions.Select(a => a!["Assert"]!.ToJsonString()));
    }

    private static JsonObject Properties(JsonNode resource) => resource["Properties"]!.DeepClone().AsObject();
}
