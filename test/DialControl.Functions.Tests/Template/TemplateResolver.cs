using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DialControl.Functions.Tests.Template;

/// <summary>
/// The small part of CloudFormation's evaluation the environment checks need: Ref to parameters,
/// resources and pseudo parameters, Fn::Sub with ${Name}, Fn::If with Equals, Not and And.
/// Anything else is an error, so a new construct in the template cannot be silently misread.
/// </summary>
internal sealed partial class TemplateResolver(
    TemplateDocument template, IReadOnlyDictionary<string, string> values)
{
    /// <summary>The stack a resolved value belongs to: region, account and the example resource values.</summary>
    public static IReadOnlyDictionary<string, string> ExampleStack { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS::Region"] = "us-east-1",
            ["AWS::AccountId"] = "123456789012",
            ["AWS::Partition"] = "aws",
            ["AWS::StackName"] = "dialcontrol",
            ["AlertTopic"] = "arn:aws:sns:us-east-1:123456789012:dialcontrol-alerts",
            ["FailoverStateMachine"] = "arn:aws:states:us-east-1:123456789012:stateMachine:dialcontrol-region-failover",
        };

    /// <summary>The value of a template expression.</summary>
    public string Resolve(JsonNode? node) => node switch
    {
        JsonValue value => Convert.ToString(value.GetValue<object>(), CultureInfo.InvariantCulture)!,
        JsonObject { Count: 1 } o when o["Ref"] is { } name => Ref(name.GetValue<string>()),
        JsonObject { Count: 1 } o when o["Fn::Sub"] is JsonValue text => Substitute(text.GetValue<string>()),
        JsonObject { Count: 1 } o when o["Fn::If"] is JsonArray choice =>
            Resolve(Condition(choice[0]!.GetValue<string>()) ? choice[1] : choice[2]),
        _ => throw new NotSupportedException($"the template tests cannot evaluate {node?.ToJsonString()}"),
    };

    /// <summary>Whether the named condition holds for these parameter values.</summary>
    public bool Condition(string name) => Evaluate(template.Root["Conditions"]![name]!);

    private bool Evaluate(JsonNode node) => node switch
    {
        JsonObject o when o["Fn::Equals"] is JsonArray pair => Resolve(pair[0]) == Resolve(pair[1]),
        JsonObject o when o["Fn::Not"] is JsonArray one => !Evaluate(one[0]!),
        JsonObject o when o["Fn::And"] is JsonArray all => all.All(c => Evaluate(c!)),
        JsonObject o when o["Condition"] is JsonValue other => Condition(other.GetValue<string>()),
        _ => throw new NotSupportedException($"the template tests cannot evaluate condition {node.ToJsonString()}"),
    };

    private string Ref(string name)
    {
        if (values.TryGetValue(name, out var given) || ExampleStack.TryGetValue(name, out given))
        {
            return given;
        }

        if (template.Parameters[name] is { } parameter)
        {
            return Resolve(parameter["Default"] ?? throw new InvalidOperationException(
                $"parameter {name} has no default; give the tests an example value for it"));
        }

        return name == "StateTable" ? Ref("StateTableName")
            : throw new InvalidOperationException($"the template tests have no value for Ref {name}");
    }

    private string Substitute(string text) => SubVariable().Replace(text, m => Ref(m.Groups[1].Value));

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex SubVariable();
}
