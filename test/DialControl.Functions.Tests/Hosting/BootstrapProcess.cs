using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DialControl.Functions.Tests.Hosting;

/// <summary>
/// A running bootstrap executable with its stdout lines collected; killed on dispose if still running.
/// </summary>
public sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    public BootstrapProcess(string executable, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        // Only what the test sets: nothing from the developer's shell (a log level, a handler) leaks in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)
            || k.StartsWith('_') || k.StartsWith("ECHO_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, line) => Collect(_stdout, line.Data);
        _process.ErrorDataReceived += (_, line) => Collect(_stderr, line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> Stdout => [.. _stdout];

    /// <summary>Every stdout line so far, parsed: each must be one JSON object.</summary>
    public IReadOnlyList<JsonObject> StdoutJson => [.. _stdout.Select(line => JsonNode.Parse(line)!.AsObject())];

    /// <summary>Every stderr line so far.</summary>
    public string Stderr => string.Join('\n', _stderr);

    /// <summary>Waits (bounded) for the process to exit; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) for a stdout line matching <paramref name="match"/>.</summary>
    public async Task<JsonObject> WaitForLineAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            var found = StdoutJson.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No matching stdout line within {timeout}; stdout:\n{string.Join('\n', Stdout)}\n" +
            $"stderr:\n{Stderr}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
