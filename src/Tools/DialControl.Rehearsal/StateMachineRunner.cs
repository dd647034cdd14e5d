using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal;

/// <summary>
/// Runs the real region-failover definition under aws-local-stepfunctions (test/statemachine/run-local.mjs),
/// its Lambda tasks calling the standby's local Invoke API.
/// </summary>
internal static class StateMachineRunner
{
    public static JsonObject Run(Uri standbyLambda, JsonObject input, string executionName)
    {
        var node = ToolLocator.Require("node", "install Node.js 20 or newer (https://nodejs.org)");
        var arn = $"arn:aws:lambda:{Estate.Standby}:{Estate.Account}:function:FailoverStep";
        var spec = new JsonObject
        {
            ["definitionPath"] = RepoPaths.Combine("src", "StateMachines", "region-failover.asl.json"),
            ["substitutions"] = Substitutions(arn),
            ["input"] = input,
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = $"arn:aws:states:{Estate.Standby}:{Estate.Account}:execution:{Estate.StateMachineName}:{executionName}",
                    ["Name"] = executionName,
                    ["StartTime"] = DateTimeOffset.UtcNow.ToString("O"),
                },
            },
            ["waitMs"] = 200,
            ["retryMs"] = 100,
            ["region"] = Estate.Standby,
        };
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_LAMBDA"] = standbyLambda.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
            ["AWS_REGION"] = Estate.Standby,
        };
        var (exit, stdout, stderr) = ToolLocator.Run(node, [RepoPaths.Combine("test", "statemachine", "run-local.mjs")],
            spec.ToJsonString(), TimeSpan.FromMinutes(5), environment);
        if (exit != 0)
        {
            throw new InvalidOperationException($"aws-local-stepfunctions could not run the definition (exit {exit}): {stderr}");
        }

        return JsonNode.Parse(stdout)!.AsObject();
    }

    /// <summary>
    /// The definition's substitutions, as the template's DefinitionSubstitutions sets them; run-local.mjs
    /// names any the definition gains and this list lacks.
    /// </summary>
    private static JsonObject Substitutions(string functionArn) => new()
    {
        ["FailoverStepFunctionArn"] = functionArn,
    };
}
