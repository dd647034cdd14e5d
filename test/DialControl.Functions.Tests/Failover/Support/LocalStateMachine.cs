using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Testing;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>How an execution under aws-local-stepfunctions ended, and every state it entered.</summary>
public sealed record ExecutionOutcome(
    string Status,
    JsonObject? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<string> States);

/// <summary>
/// Runs the real region-failover definition under aws-local-stepfunctions (test/statemachine/run-local.mjs),
/// its Task states invoking the Lambda endpoint given (the local Invoke API). Waits and retry pauses
/// are cut to zero; everything else is the definition as deployed.
/// </summary>
public static class LocalStateMachine
{
    public const string ArnSubstitution = "FailoverStepFunctionArn";

    public static string DefinitionPath { get; } =
        RepoPaths.Combine("src", "StateMachines", "region-failover.asl.json");

    /// <summary>
    /// The bounds these tests run with: the template's, but two health checks, so an unhealthy standby
    /// fails after a short loop. Waits are cut to zero anyway.
    /// </summary>
    internal static FailoverLimits TestLimits { get; } = FailoverLimits.Defaults with { HealthMaxChecks = 2 };

    /// <summary>Every definition substitution, as the template's DefinitionSubstitutions set them.</summary>
    public static JsonObject Substitutions(string region)
    {
        var values = new[]
        {
            TestLimits.CapacityPollSeconds, TestLimits.CapacityMaxChecks, TestLimits.HealthPollSeconds,
            TestLimits.HealthMaxChecks, TestLimits.SyncPollSeconds, TestLimits.SyncMaxChecks,
        };
        var substitutions = new JsonObject
        {
            [ArnSubstitution] = $"arn:aws:lambda:{region}:123456789012:function:FailoverStep",
        };
        foreach (var (name, value) in FailoverLimits.SubstitutionNames.Zip(values))
        {
            substitutions[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return substitutions;
    }

    public static ExecutionOutcome Run(Uri lambdaEndpoint, JsonNode? input, string executionName, string region)
    {
        ArgumentNullException.ThrowIfNull(lambdaEndpoint);
        var node = ToolLocator.Require("node", "install Node.js 20 or later, then run `npm ci` in the repository root");
        var spec = new JsonObject
        {
            ["definitionPath"] = DefinitionPath,
            ["substitutions"] = Substitutions(region),
            ["input"] = input?.DeepClone(),
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = $"arn:aws:states:{region}:123456789012:execution:region-failover:{executionName}",
                    ["Name"] = executionName,
                },
            },
            ["waitMs"] = 0,
            ["retryMs"] = 0,
            ["region"] = region,
        };
        var script = RepoPaths.Combine("test", "statemachine", "run-local.mjs");
        var (exit, stdout, stderr) = ToolLocator.Run(node, [script], spec.ToJsonString(), TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL_LAMBDA"] = lambdaEndpoint.ToString().TrimEnd('/') });
        if (exit != 0)
        {
            throw new InvalidOperationException($"run-local.mjs exited with {exit}: {stderr}");
        }

        var result = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject();
        return new ExecutionOutcome(
            result["status"]!.GetValue<string>(),
            result["output"] as JsonObject,
            (string?)result["error"],
            (string?)result["cause"],
            [.. result["states"]!.AsArray().Select(s => s!.GetValue<string>())]);
    }
}
