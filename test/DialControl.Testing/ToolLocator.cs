using System.Diagnostics;

namespace DialControl.Testing;

/// <summary>
/// Finds the external tools the tests run against. A missing tool fails the test with the command
/// that installs it; nothing is skipped for it.
/// </summary>
public static class ToolLocator
{
    /// <summary>The install hint for the Python tools.</summary>
    public const string PythonToolsHint = "install them with: pip install \"moto[server]\" boto3 cfn-lint";

    /// <summary>The full path of <paramref name="name"/> on PATH, or an exception naming how to get it.</summary>
    public static string Require(string name, string installHint)
    {
        var found = Find(name);
        return found ?? throw new InvalidOperationException($"'{name}' was not found on PATH; {installHint}.");
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a process to completion with a bounded wait and returns its exit code and output.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(
        string fileName, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null,
        IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
