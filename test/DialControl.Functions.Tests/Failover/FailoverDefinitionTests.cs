using System.Text.Json.Nodes;
using DialControl.Functions.Failover;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Failover.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

/// <summary>The region-failover definition itself: valid ASL, wired to real functions, every path sound.</summary>
public sealed class FailoverDefinitionTests
{
    private static readonly JsonObject s_definition =
        JsonNode.Parse(File.ReadAllText(LocalStateMachine.DefinitionPath))!.AsObject();

    private static JsonObject States => s_definition[nameof(States)]!.AsObject();

    private static IEnumerable<(string Name, JsonObject State)> All() =>
        States.Select(p => (p.Key, p.Value!.AsObject()));

    private static IEnumerable<(string Name, JsonObject State)> Tasks() => All().Where(s => Type(s.State) == "Task");

    private static string Type(JsonObject state) => state["Type"]!.GetValue<string>();

    /// <summary>
    /// Every state a state can go to next: Next, Default, each Choice rule's Next, each Catch's Next.
    /// </summary>
    private static IEnumerable<string> Successors(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is { } next)
            {
                yield return next.GetValue<string>();
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            foreach (var rule in state[list]?.AsArray() ?? [])
            {
                yield return rule!["Next"]!.GetValue<string>();
            }
        }
    }

    [Fact]
    public void AslValidator_AcceptsTheDefinition()
    {
        var validator = RepoPaths.Combine("node_modules", ".bin", "asl-validator");
        Assert.True(
            File.Exists(validator),
            $"{validator} is missing; run `npm ci` in the repository root (needs Node 20+).");

        var (exit, stdout, stderr) = ToolLocator.Run(validator, ["--json-path", LocalStateMachine.DefinitionPath]);

        Assert.True(exit == 0, $"asl-validator rejected the definition: {stdout}{stderr}");
        Assert.Contains("is valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_EachInvokesFailoverStepThroughItsArnSubstitutionWithAKnownAction()
    {
        var actions = new List<string>();
        foreach (var (name, task) in Tasks())
        {
            Assert.True(task["Resource"]!.GetValue<string>() == "${" + LocalStateMachine.ArnSubstitution + "}",
                $"{name} invokes {task["Resource"]}, not the FailoverStep function's ARN substitution");
            var action = task["Parameters"]!["action"]!.GetValue<string>();
            Assert.Contains(action, FailoverStepFunction.Actions);
            actions.Add(action);
        }

        Assert.Equal(
            FailoverStepFunction.Actions.Order(StringComparer.Ordinal),
            actions.Distinct().Order(StringComparer.Ordinal));
        Assert.True(FunctionTable.Functions.ContainsKey("FailoverStep"), "FunctionTable has no FailoverStep entry");
    }

    [Fact]
    public void Plan_PassesEveryWaitBoundFromItsOwnSubstitution()
    {
        var limits = States["Plan"]!["Parameters"]!["limits"]!.AsObject();

        Assert.Equal(
            FailoverLimits.SubstitutionNames.Select(n => $"States.StringToJson('${{{n}}}')"),
            limits.Select(p => p.Value!.GetValue<string>()));
        Assert.Equal(
            FailoverLimits.SubstitutionNames.Select(n => char.ToLowerInvariant(n[0]) + n[1..] + ".$"),
            limits.Select(p => p.Key));
    }

    [Fact]
    public void Substitutions_AreTheFunctionArnAndTheWaitBoundsOnly()
    {
        var text = File.ReadAllText(LocalStateMachine.DefinitionPath);

        var used = System.Text.RegularExpressions.Regex.Matches(text, @"\$\{([A-Za-z0-9_]+)\}")
            .Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            FailoverLimits.SubstitutionNames.Append(LocalStateMachine.ArnSubstitution).Order(StringComparer.Ordinal),
            used);
        Assert.Equal(used,
            LocalStateMachine.Substitutions("eu-west-1").Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Template_WhenPresent_DefinesTheFunctionAndTheSubstitution()
    {
        var path = RepoPaths.Combine("serverless.template");
        if (!File.Exists(path))
        {
            // The template arrives with issue 7; until then the handler table is the only side to check.
            Assert.True(FunctionTable.Functions.ContainsKey("FailoverStep"));
            return;
        }

        var resources = JsonNode.Parse(File.ReadAllText(path))!["Resources"]!.AsObject();
        Assert.Contains(resources, r => (string?)r.Value!["Type"] == "AWS::Serverless::Function" &&
            (string?)r.Value["Properties"]?["Handler"] == "FailoverStep");
        var machine = resources.Single(r => (string?)r.Value!["Type"] == "AWS::Serverless::StateMachine" &&
            r.Value["Properties"]?["DefinitionUri"]?.ToString()
                .Contains("region-failover", StringComparison.Ordinal) == true);
        var substitutions = machine.Value!["Properties"]!["DefinitionSubstitutions"]!.AsObject();
        Assert.All(FailoverLimits.SubstitutionNames.Append(LocalStateMachine.ArnSubstitution),
            name => Assert.True(substitutions.ContainsKey(name), $"DefinitionSubstitutions lacks {name}"));
    }

    [Fact]
    public void States_AreAllReachableFromStartAt()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([s_definition["StartAt"]!.GetValue<string>()]);
        while (queue.TryDequeue(out var name))
        {
            Assert.True(States.ContainsKey(name), $"a transition goes to {name}, which is not a state");
            if (seen.Add(name))
            {
                foreach (var next in Successors(States[name]!.AsObject()))
                {
                    queue.Enqueue(next);
                }
            }
        }

        Assert.Equal(States.Select(s => s.Key).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Loops_EachWaitsAndIsBoundedByACounterComparedWithItsMaximum()
    {
        var loops = Cycles();

        Assert.Equal(3, loops.Count);
        foreach (var loop in loops)
        {
            var members = loop.Select(n => States[n]!.AsObject()).ToList();
            Assert.Contains(members, s => Type(s) == "Wait");
            var counter = members
                .Select(s => s["Parameters"]?["count.$"]?.GetValue<string>())
                .Single(p => p is not null
                    && p.StartsWith("States.MathAdd(", StringComparison.Ordinal)
                    && p.EndsWith(".count, 1)", StringComparison.Ordinal))!;
            var counted = counter["States.MathAdd(".Length..^", 1)".Length];
            var exit = members.Where(s => Type(s) == "Choice")
                .SelectMany(s => s["Choices"]!.AsArray())
                .SingleOrDefault(rule =>
                    (string?)rule!["Variable"] == counted && rule["NumericGreaterThanEqualsPath"] is not null);
            Assert.True(
                exit is not null,
                $"the loop {string.Join(" -> ", loop)} has no Choice comparing {counted} with a maximum");
            Assert.DoesNotContain(exit!["Next"]!.GetValue<string>(), loop);
        }
    }

    [Fact]
    public void Tasks_RetryOnlyTransientErrorsWithBackoffAndCatchEverythingIntoTheFailurePath()
    {
        foreach (var (name, task) in Tasks())
        {
            var retry = Assert.Single(task["Retry"]!.AsArray())!;
            Assert.Equal(
                ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                    "Lambda.TooManyRequestsException", nameof(FailoverTransientException)],
                retry["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));
            Assert.InRange(retry["MaxAttempts"]!.GetValue<int>(), 1, 10);
            Assert.True(retry["BackoffRate"]!.GetValue<double>() >= 1.5, $"{name} retries without backoff");
            Assert.True(retry["MaxDelaySeconds"] is not null, $"{name} retries without a maximum delay");
            var handler = Assert.Single(task["Catch"]!.AsArray())!;
            Assert.Equal("States.ALL", Assert.Single(handler["ErrorEquals"]!.AsArray())!.GetValue<string>());
            Assert.Contains(
                handler["Next"]!.GetValue<string>(),
                new[] { "ReportFailure", "PlanFailed", "ReportUnannounced" });
        }
    }

    [Fact]
    public void Failures_AllEndInTheOneFailStateWhoseCauseTheReportBuilds()
    {
        var fail = Assert.Single(All(), s => Type(s.State) == "Fail");

        Assert.Equal("FailoverFailed", fail.Name);
        Assert.Equal(("$.failure.error", "$.failure.cause"),
            (fail.State["ErrorPath"]!.GetValue<string>(), fail.State["CausePath"]!.GetValue<string>()));
        Assert.Equal(
            ["FailoverFailed"],
            Successors(States["ReportFailure"]!.AsObject()).Where(n => n == "FailoverFailed"));
        Assert.All(All().Where(s => Type(s.State) == "Pass" && s.State["Parameters"]?["Error"] is not null),
            s => Assert.Equal("ReportFailure", s.State["Next"]!.GetValue<string>()));
    }

    [Fact]
    public void SwitchDns_IsReachedOnlyFromTheHealthDecision()
    {
        var into = All().Where(s => Successors(s.State).Contains("SwitchDns")).Select(s => s.Name).Distinct();

        Assert.Equal(["IsStandbyHealthy"], into);
        var rules = States["IsStandbyHealthy"]!["Choices"]!.AsArray()
            .Where(r => (string?)r!["Next"] == "SwitchDns")
            .ToList();
        Assert.Equal(
            [("$.health.healthy", true), ("$.request.force", true)],
            rules.Select(r => (r!["Variable"]!.GetValue<string>(), r["BooleanEquals"]!.GetValue<bool>())));
    }

    /// <summary>The strongly connected groups of states with more than one member (Tarjan's algorithm).</summary>
    private static List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        void Visit(string name)
        {
            index[name] = low[name] = index.Count;
            stack.Push(name);
            foreach (var next in Successors(States[name]!.AsObject()))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[name] = Math.Min(low[name], low[next]);
                }
                else if (stack.Contains(next) && index.TryGetValue(next, out var reached))
                {
                    low[name] = Math.Min(low[name], reached);
                }
            }

            if (low[name] == index[name])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != name);
                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var name in States.Select(s => s.Key))
        {
            if (!index.ContainsKey(name))
            {
                Visit(name);
            }
        }

        return cycles;
    }
}
