using System.Text.RegularExpressions;
using DialControl.Functions.Failover;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Failover.Support;
using DialControl.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DialControl.Functions.Tests.Template;

/// <summary>The template and the code agree: handlers, settings, substitutions.</summary>
public sealed partial class TemplateCodeTests
{
    private static readonly TemplateDocument s_template = TemplateDocument.Load();

    public static TheoryData<string> Handlers => [.. FunctionTable.Functions.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Handlers_EveryTemplateFunction_ResolvesInTheHandlerTable()
    {
        var handlers = s_template.Functions.Select(f => s_template.Handler(f.Properties)).ToList();

        Assert.All(handlers, h =>
            Assert.True(FunctionTable.Functions.ContainsKey(h), $"'{h}' is not in FunctionTable"));
        Assert.Equal(handlers.Count, handlers.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Handlers_EveryHandlerTableEntry_HasATemplateFunction()
    {
        var handlers = s_template.Functions.Select(f => s_template.Handler(f.Properties))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(FunctionTable.Functions.Keys, h => Assert.True(handlers.Contains(h), $"no function runs '{h}'"));
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Environment_Function_SetsExactlyTheSettingsItsCodeReads(string handler)
    {
        var (variables, read) = Start(handler);

        var ownRead = read.Where(n => !TemplateExamples.IsProvidedByLambda(n)).Order(StringComparer.Ordinal);
        Assert.Equal(variables.Order(StringComparer.Ordinal), ownRead);
    }

    [Fact]
    public void RecordingSettings_ScaleNodes_FindsEachOfItsSettings()
    {
        var (_, read) = Start("ScaleNodes");

        Assert.Equal(
            ["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_LOG_LEVEL", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION", "CLUSTER_NAME",
                "DRY_RUN", "MAX_EVENT_AGE_SECONDS", "SCALE_IN_ENABLED", "SCALE_POLICIES", "STATE_TABLE", "_HANDLER"],
            read.Where(n => !TemplateExamples.IsEndpointOverride(n)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LogLevel_EveryFunction_ComesFromLoggingConfigWithTheBootstrapsLevels()
    {
        var allowed = s_template.Parameters["LogLevel"]!["AllowedValues"]!.AsArray().Select(v => (string)v!);

        Assert.Equal(LambdaLogLevel.Names, allowed);
        Assert.All(s_template.Functions, f =>
        {
            var logging = f.Properties["LoggingConfig"]!;
            Assert.Equal("JSON", (string?)logging["LogFormat"]);
            Assert.Equal("LogLevel", (string?)logging["ApplicationLogLevel"]!["Ref"]);
        });
    }

    [Fact]
    public void StateMachine_Substitutions_EqualThePlaceholdersOfItsDefinition()
    {
        var machine = s_template.OfType("AWS::Serverless::StateMachine").Single().Resource["Properties"]!;
        var definition = File.ReadAllText(RepoPaths.Combine(machine["DefinitionUri"]!.GetValue<string>()));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct()
            .Order(StringComparer.Ordinal);
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject().Select(s => s.Key)
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            FailoverLimits.SubstitutionNames.Append("FailoverStepFunctionArn").Order(StringComparer.Ordinal),
            placeholders);
        Assert.Equal(placeholders, substitutions);
        Assert.Equal("FailoverStep", machine["DefinitionSubstitutions"]!["FailoverStepFunctionArn"]!["Fn::GetAtt"]![0]!
            .GetValue<string>());
    }

    [Fact]
    public void Parameters_EveryDefaultAndExample_MatchesItsAllowedPattern()
    {
        foreach (var (name, parameter) in s_template.Parameters)
        {
            var pattern = (string?)parameter!["AllowedPattern"];
            var example = TemplateExamples.Parameters.GetValueOrDefault(name);
            var values = new[] { parameter["Default"]?.ToString(), example };
            foreach (var value in values.Where(v => v is not null && pattern is not null))
            {
                Assert.True(Regex.IsMatch(value!, pattern!), $"{name} value '{value}' does not match {pattern}");
            }
        }
    }

    /// <summary>Builds the function from the template's values and records every setting it reads.</summary>
    private static (IReadOnlyList<string> Variables, IReadOnlySet<string> Read) Start(string handler)
    {
        var function = s_template.Functions.Single(f => s_template.Handler(f.Properties) == handler).Properties;
        var variables = TemplateDocument.Environment(function);
        var resolver = new TemplateResolver(s_template, TemplateExamples.Parameters);
        var settings = variables.ToDictionary(v => v.Key, v => resolver.Resolve(v.Value), StringComparer.Ordinal);
        settings["AWS_REGION"] = TemplateResolver.ExampleStack["AWS::Region"];
        var recording = new RecordingSettings(settings);

        Assert.Empty(HostingSettings.Read(recording).Problems);
        var environment = new FunctionEnvironment(recording, TimeProvider.System, NullLoggerFactory.Instance,
            new RecordingMetrics(), new AwsClientFactory(recording, TestCredentials.Basic));
        Assert.NotNull(FunctionTable.Functions[handler](environment));
        return ([.. variables.Keys], recording.Read);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
