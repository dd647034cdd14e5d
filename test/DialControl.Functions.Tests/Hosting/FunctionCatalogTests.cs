using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class FunctionCatalogTests
{
    private static readonly string TemplatePath = RepoPaths.Combine("serverless.template");

    [Fact]
    public void TryResolve_EveryFunctionTableName_ResolvesToItsFactory()
    {
        foreach (var (name, factory) in FunctionTable.Functions)
        {
            Assert.True(FunctionCatalog.TryResolve(name, out var resolved), $"'{name}' does not resolve");
            Assert.Same(factory, resolved);
        }
    }

    [Fact]
    public void All_TheTableAndTheBuiltInsAndNothingElse()
    {
        var expected = FunctionTable.Functions.Keys.Concat(FunctionCatalog.BuiltIn.Keys).Order(StringComparer.Ordinal);

        Assert.Equal(expected, FunctionCatalog.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Echo"], FunctionCatalog.BuiltIn.Keys);
        Assert.DoesNotContain("Echo", FunctionTable.Functions.Keys);
    }

    [Fact]
    public void TryResolve_NamesOutsideTheCatalog_DoNotResolve()
    {
        var near = FunctionCatalog.All.Keys.SelectMany(name => new[]
        {
            name.ToLowerInvariant(), name.ToUpperInvariant(), name + " ", " " + name, name + "Function",
            "DialControl.Functions::" + name, name[..^1],
        });

        foreach (var name in near.Append("").Append("Unknown").Where(n => !FunctionCatalog.All.ContainsKey(n)))
        {
            Assert.False(FunctionCatalog.TryResolve(name, out _), $"'{name}' resolves but is no handler name");
        }

        Assert.False(FunctionCatalog.TryResolve(null, out _));
    }

    /// <summary>
    /// The template's Handler values are exactly the table's names. Until serverless.template exists
    /// the table is checked against itself (every name is a plain identifier a template can use); the
    /// template issue makes the check strict by adding the file.
    /// </summary>
    [Fact]
    public void TemplateHandlers_EqualFunctionTableNames()
    {
        var handlers = File.Exists(TemplatePath) ? TemplateHandlers(TemplatePath) : [.. FunctionTable.Functions.Keys];

        Assert.Equal(
            FunctionTable.Functions.Keys.Order(StringComparer.Ordinal), handlers.Order(StringComparer.Ordinal));
        Assert.All(handlers, name => Assert.Matches("^[A-Za-z][A-Za-z0-9]*$", name));
        Assert.All(
            handlers, name => Assert.True(FunctionCatalog.TryResolve(name, out _), $"'{name}' does not resolve"));
    }

    /// <summary>Handler of every AWS::Serverless::Function and AWS::Lambda::Function, or the Globals' one.</summary>
    internal static IReadOnlyList<string> TemplateHandlers(string path)
    {
        var template = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var globalHandler = template["Globals"]?["Function"]?["Handler"];
        var handlers = new List<string>();
        foreach (var (logicalId, resource) in template["Resources"]!.AsObject())
        {
            var type = (string?)resource!["Type"];
            if (type is not ("AWS::Serverless::Function" or "AWS::Lambda::Function"))
            {
                continue;
            }

            var handler = resource["Properties"]?["Handler"] ?? globalHandler;
            Assert.True(handler is JsonValue, $"{logicalId} has no literal Handler: {handler?.ToJsonString()}");
            handlers.Add(handler!.GetValue<string>());
        }

        return handlers.Distinct().ToList();
    }
}
