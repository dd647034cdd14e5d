using System.Diagnostics;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

/// <summary>
/// The bootstrap as it ships: <c>dotnet publish src/Functions -c Release -r linux-x64</c> (Native AOT),
/// published once per test run into a temporary folder that is deleted afterwards.
/// </summary>
public sealed class PublishedBootstrap : IDisposable
{
    /// <summary>What to install when the native link fails.</summary>
    public const string ToolchainHint =
        "Native AOT links with clang or gcc: apt-get install -y clang (or gcc) zlib1g-dev";

    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(9);

    public PublishedBootstrap()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dialcontrol-aot-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output) = Publish(Folder);
        PublishOutput = output;
        if (exit != 0 || !File.Exists(Path.Combine(Folder, "bootstrap")))
        {
            throw new InvalidOperationException(
                $"dotnet publish of src/Functions exited {exit}. {ToolchainHint}. Its output:\n{output}");
        }
    }

    /// <summary>The publish folder.</summary>
    public string Folder { get; }

    /// <summary>The native executable.</summary>
    public string Executable => Path.Combine(Folder, "bootstrap");

    /// <summary>Everything dotnet publish printed.</summary>
    public string PublishOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A bootstrap a failed test left running still holds the file; the temp folder keeps it.
        }
    }

    private static (int Exit, string Output) Publish(string folder)
    {
        var dotnet = ToolLocator.Require("dotnet", "install the .NET 10 SDK (https://dotnet.microsoft.com/download)");
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[]
        {
            "publish", RepoPaths.Combine("src", "Functions"), "-c", "Release", "-r", "linux-x64", "-o", folder,
            "-nologo", "--disable-build-servers", "-clp:NoSummary",
        })
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild settings must not steer a nested build.
        var inherited = info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase));
        foreach (var key in inherited.ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish of src/Functions took longer than {PublishLimit}.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}

/// <summary>The tests that share one published bootstrap.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedBootstrapGroup : ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "published bootstrap";
}
