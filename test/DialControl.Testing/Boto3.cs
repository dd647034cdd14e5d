using System.Text.Json;
using System.Text.Json.Nodes;

namespace DialControl.Testing;

/// <summary>One boto3 call: service, operation (snake_case, as boto3 names it), parameters, region.</summary>
public sealed record Boto3Call(string Service, string Operation, object? Params = null, string? Region = null);

/// <summary>
/// Seeds and inspects moto through boto3 (test/oracle/boto3_call.py), so tests check state through
/// the official SDK rather than through the client under test.
/// </summary>
public static class Boto3
{
    /// <summary>Runs <paramref name="calls"/> in order and returns each response.</summary>
    public static JsonArray Call(string endpoint, params Boto3Call[] calls)
    {
        var python = ToolLocator.Require("python3", "install Python 3.11 and " + ToolLocator.PythonToolsHint);
        var spec = new JsonObject
        {
            ["endpoint"] = endpoint,
            ["calls"] = new JsonArray(calls.Select(c => (JsonNode)new JsonObject
            {
                ["service"] = c.Service,
                ["operation"] = c.Operation,
                ["params"] = JsonSerializer.SerializeToNode(c.Params ?? new { }),
                ["region"] = c.Region,
            }).ToArray()),
        };
        var script = RepoPaths.Combine("test", "oracle", "boto3_call.py");
        var (exit, stdout, stderr) = ToolLocator.Run(python, [script], spec.ToJsonString());
        if (exit == 3)
        {
            throw new InvalidOperationException($"boto3 is not importable by {python}; {ToolLocator.PythonToolsHint}.");
        }

        if (exit != 0)
        {
            throw new InvalidOperationException($"boto3 call failed: {stderr}");
        }

        return JsonNode.Parse(stdout)!.AsArray();
    }

    /// <summary>Runs one call and returns its response.</summary>
    public static JsonObject One(string endpoint, Boto3Call call) => Call(endpoint, call)[0]!.AsObject();
}
