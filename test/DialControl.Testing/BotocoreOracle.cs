using System.Text.Json;
using System.Text.Json.Nodes;

namespace DialControl.Testing;

/// <summary>
/// Asks botocore (test/oracle/botocore_request.py) how the official Python SDK serialises a request.
/// </summary>
public static class BotocoreOracle
{
    /// <summary>botocore's request for <paramref name="operation"/> with <paramref name="parameters"/>.</summary>
    public static WireRequest Serialize(string service, string operation, object parameters, string? protocol = null)
    {
        var python = ToolLocator.Require("python3", "install Python 3.11 and " + ToolLocator.PythonToolsHint);
        var spec = new JsonObject
        {
            ["service"] = service,
            ["operation"] = operation,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
            ["protocol"] = protocol,
        };
        var script = RepoPaths.Combine("test", "oracle", "botocore_request.py");
        var (exit, stdout, stderr) = ToolLocator.Run(python, [script], spec.ToJsonString());
        if (exit == 3)
        {
            throw new InvalidOperationException(
                $"botocore is not importable by {python}; {ToolLocator.PythonToolsHint}.");
        }

        if (exit != 0)
        {
            throw new InvalidOperationException($"botocore could not serialise {service} {operation}: {stderr}");
        }

        return WireRequest.FromOracle(JsonNode.Parse(stdout)!.AsObject());
    }
}
