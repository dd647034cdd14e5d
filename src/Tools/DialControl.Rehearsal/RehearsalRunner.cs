using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Rehearsal.Scenarios;
using DialControl.Testing;
using Spectre.Console;

namespace DialControl.Rehearsal;

/// <summary>What the user asked for on the command line.</summary>
internal sealed record RehearsalOptions(IReadOnlyList<string> Scenarios, bool KeepMoto, bool Json);

/// <summary>
/// Starts moto_server, seeds the estate, serves both regions' functions through local Invoke APIs,
/// runs the chosen scenarios in order and prints the estate at the end.
/// </summary>
internal sealed class RehearsalRunner(RehearsalOptions options)
{
    private static readonly string[] s_order = [ScaleScenario.Name, QuotaScenario.Name, FailoverScenario.Name];
    private readonly Timeline _timeline = new(options.Json);

    public async Task<int> RunAsync()
    {
        // The functions take credentials from the SDK's default chain, as in Lambda; moto accepts any.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        _timeline.Say("setup", "starting moto_server on 127.0.0.1");
        var moto = new MotoServer();
        try
        {
            _timeline.Say(
                "setup",
                $"moto_server listening at {moto.Url}; " +
                $"seeding two regions ({Estate.Primary} primary, {Estate.Standby} standby)");
            var estate = EstateSeeder.Seed(moto.Url, StateMachineRunner.SubstitutedDefinition());
            _timeline.Say(
                "setup",
                $"seeded: EKS {Estate.Cluster}/{Estate.NodeGroup} in both regions, zone {Estate.ZoneName}, " +
                $"{Estate.RecordName} -> {Estate.PrimaryTarget}, alarms, state tables, event queues");
            var results = await RunScenariosAsync(estate);
            Report(estate, results);
            if (options.KeepMoto)
            {
                await KeepMotoAsync(moto.Url);
            }

            return results.All(r => r.Passed) ? 0 : 1;
        }
        finally
        {
            moto.Dispose();
        }
    }

    private async Task<List<ScenarioResult>> RunScenariosAsync(Estate estate)
    {
        using var quotas = new ServiceQuotasStandIn();
        var logs = Directory.CreateDirectory(RepoPaths.Combine("artifacts", "rehearsal")).FullName;
        await using var primaryLog = new StreamWriter(Path.Combine(logs, $"{Estate.Primary}-functions.log"))
        {
            AutoFlush = true,
        };
        await using var standbyLog = new StreamWriter(Path.Combine(logs, $"{Estate.Standby}-functions.log"))
        {
            AutoFlush = true,
        };
        await using var primary = new LocalInvokeServer(
            LambdaEnvironment.Create(estate.PrimarySettings(quotas.Url), primaryLog));
        await using var standby = new LocalInvokeServer(LambdaEnvironment.Create(estate.StandbySettings(), standbyLog));
        primary.Start();
        standby.Start();
        _timeline.Say(
            "setup",
            $"local Lambda Invoke APIs: {Estate.Primary} {primary.Url}, {Estate.Standby} {standby.Url}; " +
            $"function logs in {logs}");
        using var context = new RehearsalContext(estate, _timeline, primary.Url, standby.Url, quotas);
        var results = new List<ScenarioResult>();
        foreach (var name in s_order.Where(n => options.Scenarios.Count == 0 || options.Scenarios.Contains(n)))
        {
            var result = await RunOneAsync(name, context);
            _timeline.Say(
                name,
                $"{(result.Passed ? "PASS" : "FAIL")}: {result.Observed}",
                result.Passed ? "pass" : "fail");
            results.Add(result);
        }

        return results;
    }

    private static async Task<ScenarioResult> RunOneAsync(string name, RehearsalContext context)
    {
        try
        {
            return name switch
            {
                ScaleScenario.Name => await ScaleScenario.RunAsync(context),
                QuotaScenario.Name => await QuotaScenario.RunAsync(context),
                _ => await FailoverScenario.RunAsync(context),
            };
        }
        catch (Exception error) when (error is InvalidOperationException or HttpRequestException or TimeoutException)
        {
            return new ScenarioResult(name, false, "the scenario to run to its end", $"stopped: {error.Message}");
        }
    }

    private void Report(Estate estate, List<ScenarioResult> results)
    {
        var moto = estate.MotoUrl;
        var primary = EstateProbe.NodeGroup(moto, Estate.Primary);
        var standby = EstateProbe.NodeGroup(moto, Estate.Standby);
        var record = EstateProbe.RecordTarget(moto, estate.HostedZoneId);
        if (options.Json)
        {
            Console.WriteLine(new JsonObject
            {
                ["scenarios"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                {
                    ["scenario"] = r.Scenario,
                    ["passed"] = r.Passed,
                    ["expected"] = r.Expected,
                    ["observed"] = r.Observed,
                })]),
                ["estate"] = new JsonObject
                {
                    ["primary"] = Sizes(Estate.Primary, primary),
                    ["standby"] = Sizes(Estate.Standby, standby),
                    ["record"] = new JsonObject { ["name"] = Estate.RecordName, ["target"] = record },
                },
            }.ToJsonString());
            return;
        }

        var scenarios = new Table()
            .Title("Scenarios")
            .AddColumn("scenario")
            .AddColumn("result")
            .AddColumn("expected")
            .AddColumn("observed");
        foreach (var r in results)
        {
            scenarios.AddRow(
                r.Scenario,
                r.Passed ? "[green]PASS[/]" : "[red]FAIL[/]",
                Markup.Escape(r.Expected),
                Markup.Escape(r.Observed));
        }

        var table = new Table().Title("Estate").AddColumn("resource").AddColumn("state");
        table.AddRow(
            $"EKS {Estate.Primary}/{Estate.Cluster}/{Estate.NodeGroup} (primary)",
            $"desired {primary.Desired} (min {primary.Min}, max {primary.Max})");
        table.AddRow(
            $"EKS {Estate.Standby}/{Estate.Cluster}/{Estate.NodeGroup} (standby)",
            $"desired {standby.Desired} (min {standby.Min}, max {standby.Max})");
        table.AddRow($"Route 53 {Estate.RecordName}", Markup.Escape(record));
        AnsiConsole.Write(scenarios);
        AnsiConsole.Write(table);
    }

    private static JsonObject Sizes(string region, (int Min, int Max, int Desired) sizes) => new()
    {
        ["region"] = region,
        ["nodegroup"] = Estate.NodeGroup,
        ["min"] = sizes.Min,
        ["max"] = sizes.Max,
        ["desired"] = sizes.Desired,
    };

    private async Task KeepMotoAsync(string url)
    {
        _timeline.Say(
            "explore",
            $"moto_server stays up at {url} until Ctrl+C; try: aws --endpoint-url {url} " +
            $"--region {Estate.Standby} eks describe-nodegroup --cluster-name {Estate.Cluster} " +
            $"--nodegroup-name {Estate.NodeGroup}");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        await stop.Task;
    }
}
