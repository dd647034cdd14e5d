using System.Diagnostics;
using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal;

/// <summary>
/// Runs the real region-failover definition under aws-local-stepfunctions (test/statemachine/run-local.mjs),
/// its Lambda tasks calling the standby's local Invoke API. Each state is reported as it is entered, so
/// the run shows progress rather than a silent wait.
/// </summary>
internal static class StateMachineRunner
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs the definition as execution <paramref name="executionArn"/> and returns its outcome.</summary>
    public static async Task<JsonObject> RunAsync(
        Uri standbyLambda, JsonNode input, string executionArn, string startTime, Action<string> entered)
    {
        var node = ToolLocator.Require("node", "install Node.js 20 or newer (https://nodejs.org)");
        var spec = new JsonObject
        {
            ["definitionPath"] = RepoPaths.Combine("src", "StateMachines", "region-failover.asl.json"),
            ["substitutions"] = Substitutions(),
            ["input"] = input.DeepClone(),
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = executionArn,
                    ["Name"] = executionArn.Split(':')[^1],
                    ["StartTime"] = startTime,
                },
            },
            // The template's bounds stand, but each Wait and retry pause is cut short: moto applies
            // every change at once, so waiting the real 30 seconds would show nothing more.
            ["waitMs"] = 200,
            ["retryMs"] = 100,
            ["region"] = Estate.Standby,
            ["progress"] = true,
        };
        using var process = Start(node, standbyLambda);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(spec.ToJsonString());
        process.StandardInput.Close();
        var outcome = await ReadAsync(process, entered);
        var error = await stderr;
        if (process.ExitCode != 0 || outcome is null)
        {
            throw new InvalidOperationException(
                $"aws-local-stepfunctions could not run the definition (exit {process.ExitCode}): {error}");
        }

        return outcome;
    }

    /// <summary>The definition's substitutions, as the template's DefinitionSubstitutions sets them.</summary>
    public static JsonObject Substitutions()
    {
        var substitutions = new JsonObject
        {
            ["FailoverStepFunctionArn"] = $"arn:aws:lambda:{Estate.Standby}:{Estate.Account}:function:FailoverStep",
        };
        foreach (var (name, value) in Estate.WaitBounds)
        {
            substitutions[name] = value;
        }

        return substitutions;
    }

    /// <summary>The definition text with every substitution made, for moto's CreateStateMachine.</summary>
    public static string SubstitutedDefinition()
    {
        var text = File.ReadAllText(RepoPaths.Combine("src", "StateMachines", "region-failover.asl.json"));
        foreach (var (name, value) in Substitutions())
        {
            text = text.Replace("${" + name + "}", value!.GetValue<string>(), StringComparison.Ordinal);
        }

        return text;
    }

    private static Process Start(string node, Uri standbyLambda)
    {
        var info = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(RepoPaths.Combine("test", "statemachine", "run-local.mjs"));
        info.Environment["AWS_ENDPOINT_URL_LAMBDA"] = standbyLambda.ToString().TrimEnd('/');
        info.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        info.Environment["AWS_REGION"] = Estate.Standby;
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {node}");
    }

    /// <summary>Reports each {"entered"} line; returns the last line, the outcome.</summary>
    private static async Task<JsonObject?> ReadAsync(Process process, Action<string> entered)
    {
        using var timeout = new CancellationTokenSource(s_limit);
        JsonObject? last = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                last = JsonNode.Parse(line)?.AsObject();
                if (last?["entered"]?.GetValue<string>() is { } state)
                {
                    entered(state);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the state machine run did not finish within {s_limit.TotalMinutes} minutes");
        }

        return last;
    }
}
