using System.Diagnostics;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace DialControl.Rehearsal;

/// <summary>
/// The rehearsal's running account: one line per step with the time since start, or one JSON object
/// per line with <c>--json</c>. Waits show progress so a slow step never looks like a hang.
/// </summary>
internal sealed class Timeline(bool json)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public JsonArray Entries { get; } = [];

    public void Say(string scenario, string message, string kind = "step")
    {
        var at = _clock.Elapsed;
        Entries.Add(new JsonObject
        {
            ["at"] = Math.Round(at.TotalSeconds, 2),
            ["scenario"] = scenario,
            ["kind"] = kind,
            ["message"] = message,
        });
        if (json)
        {
            Console.WriteLine(Entries[^1]!.ToJsonString());
            return;
        }

        var colour = kind switch
        {
            "pass" => "green",
            "fail" => "red",
            "stand-in" => "yellow",
            _ => "grey",
        };
        AnsiConsole.MarkupLine(
            $"[grey]{at:mm\\:ss\\.f}[/] [bold]{Markup.Escape(scenario),-9}[/] [{colour}]{Markup.Escape(message)}[/]");
    }

    /// <summary>Polls <paramref name="check"/> until it holds or <paramref name="limit"/> passes.</summary>
    public async Task<bool> WaitAsync(string scenario, string what, Func<Task<bool>> check, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (waited.Elapsed < limit)
        {
            if (await check())
            {
                return true;
            }

            if (waited.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
            {
                lastReport = waited.Elapsed;
                Say(
                    scenario,
                    $"waiting for {what} ({waited.Elapsed.TotalSeconds:0}s of {limit.TotalSeconds:0}s)",
                    "wait");
            }

            await Task.Delay(250);
        }

        return false;
    }
}
