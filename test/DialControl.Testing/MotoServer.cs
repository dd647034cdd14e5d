using System.Diagnostics;

namespace DialControl.Testing;

/// <summary>
/// moto_server on 127.0.0.1 at a free port, for the life of a test collection. moto is a widely used
/// AWS emulator speaking the real wire protocols; a missing moto_server fails with the install command.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    /// <summary>Starts moto_server and waits (at most 60 s) until it answers.</summary>
    public MotoServer()
    {
        var moto = ToolLocator.Require("moto_server", ToolLocator.PythonToolsHint);
        Port = FreePort.Next();
        var info = new ProcessStartInfo(moto)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in
            new[] { "-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady(TimeSpan.FromSeconds(60));
    }

    /// <summary>The port moto listens on.</summary>
    public int Port { get; }

    /// <summary>The endpoint URL for every service.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Forgets every resource moto holds (POST /moto-api/reset).</summary>
    public void Reset()
    {
        using var http = new HttpClient();
        http.PostAsync($"{Url}/moto-api/reset", null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void WaitUntilReady(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} on start.");
            }

            try
            {
                var response = http.GetAsync($"{Url}/moto-api/").GetAwaiter().GetResult();
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first answer while moto imports its backends.
            }

            Thread.Sleep(200);
        }

        Dispose();
        throw new TimeoutException($"moto_server did not answer on {Url} within {limit.TotalSeconds} s.");
    }
}
