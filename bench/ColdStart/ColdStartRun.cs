using System.Diagnostics;
using System.Globalization;
using DialControl.Testing;

namespace DialControl.Bench.ColdStart;

/// <summary>One way of running the bootstrap: the program and its arguments.</summary>
internal sealed record Variant(string Name, string FileName, string[] Arguments);

/// <summary>One cold start: milliseconds from process start to the first response, and peak RSS in KiB.</summary>
internal sealed record Measurement(double ColdStartMs, long PeakRssKb);

/// <summary>Starts the bootstrap against a fresh fake Runtime API with the workload's one event queued.</summary>
internal static class ColdStartRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<Measurement> MeasureAsync(Variant variant, Workload workload)
    {
        using var api = new FakeRuntimeApi();
        api.Enqueue(new RuntimeApiEvent("bench-1", workload.Event, TimeSpan.FromSeconds(60)));
        var info = StartInfo(variant, workload, api);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var post = (await api.WaitForPostsAsync(1, Limit))[0];
            if (post.Kind != "response")
            {
                throw new InvalidOperationException($"{variant.Name} posted {post.Kind}: {post.Body}");
            }

            // The process now waits in GET next, as a Lambda instance between events: its peak so far.
            await api.WaitForNextCallsAsync(2, Limit);
            var coldStart = Stopwatch.GetElapsedTime(started, post.ReceivedTimestamp);
            return new Measurement(coldStart.TotalMilliseconds, PeakRssKb(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo StartInfo(Variant variant, Workload workload, FakeRuntimeApi api)
    {
        var info = new ProcessStartInfo(variant.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in variant.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        info.Environment["_HANDLER"] = workload.Handler;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = $"bench-{workload.Handler}";
        info.Environment["AWS_LAMBDA_LOG_LEVEL"] = "INFO";
        foreach (var (name, value) in workload.Settings)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static long PeakRssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
