using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Functions.Tests.Template;

/// <summary>serverless.template as JSON, with the lookups the template tests share.</summary>
internal sealed class TemplateDocument
{
    private TemplateDocument(JsonObject root) => Root = root;

    /// <summary>Where the template lives.</summary>
    public static string FilePath { get; } = RepoPaths.Combine("serverless.template");

    public JsonObject Root { get; }

    public JsonObject Parameters => Root[nameof(Parameters)]!.AsObject();

    public JsonObject Resources => Root[nameof(Resources)]!.AsObject();

    public JsonObject? Globals => Root[nameof(Globals)]?["Function"]?.AsObject();

    public static TemplateDocument Load() => new(JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject());

    /// <summary>Every resource of <paramref name="type"/>, by logical id.</summary>
    public IReadOnlyList<(string LogicalId, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()))
            .ToList();

    /// <summary>The AWS::Serverless::Function resources, by logical id, with their Properties.</summary>
    public IReadOnlyList<(string LogicalId, JsonObject Properties)> Functions =>
        OfType("AWS::Serverless::Function").Select(f => (f.LogicalId, f.Resource["Properties"]!.AsObject())).ToList();

    /// <summary>A function property, falling back to Globals as SAM does.</summary>
    public JsonNode? FunctionProperty(JsonObject properties, string name) => properties[name] ?? Globals?[name];

    /// <summary>The literal Handler of a function.</summary>
    public string Handler(JsonObject properties) => FunctionProperty(properties, "Handler")!.GetValue<string>();

    /// <summary>The function's environment variables (name to template expression).</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Environment(JsonObject properties) =>
        properties["Environment"]?["Variables"]?.AsObject()
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    /// <summary>Every IAM statement of every AWS::IAM::Role, by role, with both branches of any Fn::If.</summary>
    public IReadOnlyList<(string Role, JsonObject Statement)> RoleStatements()
    {
        var found = new List<(string, JsonObject)>();
        foreach (var (logicalId, role) in OfType("AWS::IAM::Role"))
        {
            foreach (var policy in role["Properties"]!["Policies"]!.AsArray())
            {
                foreach (var item in policy!["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    found.AddRange(Branches(item!).Select(s => (logicalId, s)));
                }
            }
        }

        return found;
    }

    /// <summary>A statement list item: the statement itself, or the object branches of an Fn::If.</summary>
    private static IEnumerable<JsonObject> Branches(JsonNode item)
    {
        if (item["Fn::If"] is JsonArray choice)
        {
            return choice.Skip(1).OfType<JsonObject>().Where(b => b["Ref"] is null);
        }

        return [item.AsObject()];
    }
}
