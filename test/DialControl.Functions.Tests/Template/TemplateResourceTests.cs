using System.Text.Json.Nodes;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Template;

/// <summary>What every function, rule, alarm and the state machine must have to be deployable and operable.</summary>
public sealed class TemplateResourceTests
{
    private static readonly TemplateDocument s_template = TemplateDocument.Load();

    [Fact]
    public void Functions_Each_RunsTheAotBootstrapOnProvidedAl2023BuiltByTheMakefile()
    {
        var makefile = File.ReadAllText(RepoPaths.Combine("Makefile"));

        Assert.Equal(5, s_template.Functions.Count);
        foreach (var (logicalId, properties) in s_template.Functions)
        {
            Assert.Equal("provided.al2023", (string?)s_template.FunctionProperty(properties, "Runtime"));
            Assert.Equal(".", (string?)s_template.FunctionProperty(properties, "CodeUri"));
            Assert.Equal("makefile", (string?)s_template.Resources[logicalId]!["Metadata"]!["BuildMethod"]);
            Assert.Contains($"build-{logicalId}", makefile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Functions_Each_HasTracingALogGroupWithRetentionAndAFailureDestination()
    {
        foreach (var (logicalId, properties) in s_template.Functions)
        {
            Assert.Equal("Active", (string?)s_template.FunctionProperty(properties, "Tracing"));
            var logGroup = (string)properties["LoggingConfig"]!["LogGroup"]!["Ref"]!;
            Assert.Equal("AWS::Logs::LogGroup", (string?)s_template.Resources[logGroup]!["Type"]);
            var retention = s_template.Resources[logGroup]!["Properties"]!["RetentionInDays"]!;
            Assert.Equal("LogRetentionDays", (string?)retention["Ref"]);
            var onFailure = properties["EventInvokeConfig"]!["DestinationConfig"]!["OnFailure"]!;
            Assert.Equal("SQS", (string?)onFailure["Type"]);
            Assert.Equal("FailedInvocationsQueue", (string?)onFailure["Destination"]!["Fn::GetAtt"]![0]);
            Assert.True(properties["Policies"] is null, $"{logicalId} uses SAM policies; give its own role instead");
            Assert.Equal(logicalId + "Role", (string?)properties["Role"]!["Fn::GetAtt"]![0]);
        }
    }

    [Fact]
    public void ReservedConcurrency_ReactionsThatMustNotOverlap_RunOneAtATime()
    {
        var reserved = s_template.Functions.ToDictionary(
            f => f.LogicalId, f => (int?)f.Properties["ReservedConcurrentExecutions"], StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, int?>(StringComparer.Ordinal)
            {
                ["ScaleNodes"] = 1, ["BedrockQuota"] = 1, ["FailoverStep"] = null, ["FailoverTrigger"] = 1,
                ["CapacityRecorder"] = 1,
            },
            reserved);
    }

    [Fact]
    public void Alarms_EachTemplateAlarm_IsRoutedToExactlyTheFunctionThatActsOnIt()
    {
        var resolver = new TemplateResolver(s_template, TemplateExamples.Parameters);
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (logicalId, alarm) in s_template.OfType("AWS::CloudWatch::Alarm"))
        {
            var name = resolver.Resolve(alarm["Properties"]!["AlarmName"]);
            var targets = s_template.Functions
                .Where(f => AlarmRules(f.Properties).Any(r => Matches(resolver, r, name)));
            routes[logicalId] = string.Join(",", targets.Select(t => t.LogicalId));
        }

        Assert.Equal(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DialCoreCpuAlarm"] = "ScaleNodes", ["PendingPodsAlarm"] = "ScaleNodes",
                ["ReservedCpuAlarm"] = "ScaleNodes",
                ["BedrockThrottleAlarm1"] = "BedrockQuota", ["BedrockThrottleAlarm2"] = "BedrockQuota",
                ["BedrockThrottleAlarm3"] = "BedrockQuota", ["PrimaryHealthAlarm"] = "FailoverTrigger",
            },
            routes);
    }

    [Fact]
    public void Alarms_Each_IsOptionalByParameter()
    {
        Assert.All(s_template.OfType("AWS::CloudWatch::Alarm"),
            a => Assert.True(a.Resource["Condition"] is not null, $"{a.LogicalId} is created unconditionally"));
    }

    [Fact]
    public void Schedules_FunctionsThatReEvaluate_EachHaveOne()
    {
        var scheduled = s_template.Functions
            .Where(f => Events(f.Properties).Any(e => (string?)e["Type"] == "Schedule"))
            .Select(f => f.LogicalId);

        Assert.Equal(["ScaleNodes", "BedrockQuota", "CapacityRecorder"], scheduled);
    }

    [Fact]
    public void StateMachine_LogsAllEventsAndTraces()
    {
        var properties = s_template.OfType("AWS::Serverless::StateMachine").Single().Resource["Properties"]!;

        Assert.Equal("ALL", (string?)properties["Logging"]!["Level"]);
        var destination = properties["Logging"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!;
        Assert.Equal("FailoverStateMachineLogGroup", (string?)destination["LogGroupArn"]!["Fn::GetAtt"]![0]);
        Assert.True((bool)properties["Tracing"]!["Enabled"]!);
        Assert.Equal("StateMachineName", (string?)properties["Name"]!["Ref"]);
    }

    [Fact]
    public void StateTable_HasTheCodesKeysTtlAndPointInTimeRecovery()
    {
        var table = s_template.Resources["StateTable"]!["Properties"]!;

        Assert.Equal(
            Functions.Hosting.StateTable.ExpiresAt, (string?)table["TimeToLiveSpecification"]!["AttributeName"]);
        Assert.True((bool)table["TimeToLiveSpecification"]!["Enabled"]!);
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.Equal([Functions.Hosting.StateTable.PartitionKey, Functions.Hosting.StateTable.SortKey],
            table["KeySchema"]!.AsArray().Select(k => (string)k!["AttributeName"]!));
        Assert.Equal("StateTableName", (string?)table["TableName"]!["Ref"]);
    }

    [Fact]
    public void ToolsDefaults_NameTheTemplateAndTheZipTheMakefileBuilds()
    {
        var defaults = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("aws-lambda-tools-defaults.json")))!;
        var makefile = File.ReadAllText(RepoPaths.Combine("Makefile"));

        Assert.Equal("serverless.template", (string?)defaults["template"]);
        Assert.Contains($"PACKAGE ?= {(string?)defaults["package"]}\n", makefile, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> Events(JsonObject function) =>
        function["Events"]?.AsObject().Select(e => e.Value!.AsObject()) ?? [];

    private static IEnumerable<JsonNode> AlarmRules(JsonObject function) =>
        Events(function).Where(e => (string?)e["Type"] == "EventBridgeRule")
            .Select(e => e["Properties"]!["Pattern"]!)
            .Where(p => (string?)p["source"]![0] == "aws.cloudwatch")
            .SelectMany(p => p["detail"]!["alarmName"]!.AsArray()!)!;

    private static bool Matches(TemplateResolver resolver, JsonNode rule, string alarmName) =>
        rule is JsonObject o && o["prefix"] is { } prefix
            ? alarmName.StartsWith(resolver.Resolve(prefix), StringComparison.Ordinal)
            : resolver.Resolve(rule) == alarmName;
}
