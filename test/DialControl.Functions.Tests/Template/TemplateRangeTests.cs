using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Failover.Support;
using DialControl.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DialControl.Functions.Tests.Template;

/// <summary>
/// Every numeric parameter's MinValue and MaxValue are the range the code accepts: the function starts
/// at both bounds and names the setting one past either of them, and the plan step does the same for
/// the state machine's wait-bound substitutions.
/// </summary>
public sealed class TemplateRangeTests
{
    private static readonly TemplateDocument s_template = TemplateDocument.Load();

    /// <summary>
    /// The code also requires the increase target below the warning level, so each of the two is tried
    /// with the other at the value that leaves it its whole range.
    /// </summary>
    private static readonly Dictionary<string, (string Setting, string Value)> s_companions =
        new(StringComparer.Ordinal)
        {
            ["QUOTA_TARGET_PERCENT"] = ("QUOTA_WARNING_PERCENT", "99"),
            ["QUOTA_WARNING_PERCENT"] = ("QUOTA_TARGET_PERCENT", "1"),
        };

    public static TheoryData<string, string> NumericSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, function) in s_template.Functions)
        {
            foreach (var (name, value) in TemplateDocument.Environment(function))
            {
                if (NumberParameter(value) is not null)
                {
                    data.Add(s_template.Handler(function), name);
                }
            }
        }

        return data;
    }

    [Fact]
    public void NumericSettings_AreFound()
    {
        Assert.Equal(8, NumericSettings().Count);
        Assert.Equal(6, WaitBounds().Count);
    }

    [Theory]
    [MemberData(nameof(NumericSettings))]
    public void Bounds_OfTheParameter_AreExactlyWhatTheCodeAccepts(string handler, string setting)
    {
        var parameter = NumberParameter(Variables(handler)[setting])!;
        var min = (int)parameter["MinValue"]!;
        var max = (int)parameter["MaxValue"]!;

        Assert.Null(Problem(handler, setting, min));
        Assert.Null(Problem(handler, setting, max));
        Assert.Contains(setting, Problem(handler, setting, min - 1), StringComparison.Ordinal);
        Assert.Contains(setting, Problem(handler, setting, max + 1), StringComparison.Ordinal);
    }

    public static TheoryData<string> WaitBounds() => [.. FailoverLimits.SubstitutionNames];

    [Theory]
    [MemberData(nameof(WaitBounds))]
    public void Bounds_OfAWaitBoundSubstitution_AreExactlyWhatThePlanStepAccepts(string substitution)
    {
        var substitutions = s_template.OfType("AWS::Serverless::StateMachine").Single()
            .Resource["Properties"]!["DefinitionSubstitutions"]!;
        var parameter = NumberParameter(substitutions[substitution])!;
        var min = (int)parameter["MinValue"]!;
        var max = (int)parameter["MaxValue"]!;

        Assert.Null(PlanProblem(substitution, min));
        Assert.Null(PlanProblem(substitution, max));
        Assert.Contains(substitution + " is", PlanProblem(substitution, min - 1), StringComparison.Ordinal);
        Assert.Contains(substitution + " is", PlanProblem(substitution, max + 1), StringComparison.Ordinal);
    }

    /// <summary>The plan step's problem with the wait bounds when one is <paramref name="value"/>.</summary>
    private static string? PlanProblem(string substitution, int value)
    {
        var resolver = new TemplateResolver(s_template, TemplateExamples.Parameters);
        var substitutions = s_template.OfType("AWS::Serverless::StateMachine").Single()
            .Resource["Properties"]!["DefinitionSubstitutions"]!;
        var limits = new JsonObject();
        foreach (var name in FailoverLimits.SubstitutionNames)
        {
            var bound = name == substitution ? value : int.Parse(resolver.Resolve(substitutions[name]),
                CultureInfo.InvariantCulture);
            limits[char.ToLowerInvariant(name[0]) + name[1..]] = bound;
        }

        try
        {
            FailoverLimits.Read(JsonDocument.Parse(limits.ToJsonString()).RootElement);
            return null;
        }
        catch (FailoverStepException e)
        {
            return e.Message;
        }
    }

    /// <summary>The code's problem with <paramref name="setting"/> at <paramref name="value"/>, or null.</summary>
    private static string? Problem(string handler, string setting, int value)
    {
        var resolver = new TemplateResolver(s_template, TemplateExamples.Parameters);
        var settings = Variables(handler)
            .ToDictionary(v => v.Key, v => resolver.Resolve(v.Value), StringComparer.Ordinal);
        settings["AWS_REGION"] = TemplateResolver.ExampleStack["AWS::Region"];
        settings[setting] = value.ToString(CultureInfo.InvariantCulture);
        if (s_companions.TryGetValue(setting, out var companion))
        {
            settings[companion.Setting] = companion.Value;
        }

        try
        {
            var aws = new AwsClientFactory(settings, TestCredentials.Basic);
            FunctionTable.Functions[handler](new FunctionEnvironment(
                settings, TimeProvider.System, NullLoggerFactory.Instance, new RecordingMetrics(), aws));
            return null;
        }
        catch (ConfigurationException e)
        {
            return e.Message;
        }
    }

    private static IReadOnlyDictionary<string, JsonNode?> Variables(string handler) =>
        TemplateDocument.Environment(
            s_template.Functions.Single(f => s_template.Handler(f.Properties) == handler).Properties);

    private static JsonObject? NumberParameter(JsonNode? value) =>
        value is JsonObject o && o["Ref"] is JsonValue name && s_template.Parameters[(string)name!] is JsonObject p &&
        (string?)p["Type"] == "Number" && p["MinValue"] is not null ? p : null;
}
