using DialControl.Testing;

namespace DialControl.Functions.Tests.Template;

/// <summary>Runs cfn-lint (with aws-sam-translator, so SAM resources are linted as deployed).</summary>
internal static class CfnLint
{
    /// <summary>What a machine without cfn-lint is told to run.</summary>
    public const string InstallHint = "install it with: pip install cfn-lint";

    /// <summary>The cfn-lint executable, found like every other tool; a clear failure when it is missing.</summary>
    public static string Locate(Func<string, string?> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        return find("cfn-lint") ?? throw new InvalidOperationException(
            $"'cfn-lint' was not found on PATH; {InstallHint}.");
    }

    /// <summary>Lints <paramref name="templatePath"/>; exit code 0: no finding of any level.</summary>
    public static (int ExitCode, string Output) Run(string templatePath)
    {
        var executable = Locate(ToolLocator.Find);
        var (exitCode, stdout, stderr) = ToolLocator.Run(
            executable, ["--format", "parseable", "--", templatePath], timeout: TimeSpan.FromMinutes(3));
        return (exitCode, (stdout + stderr).Trim());
    }
}
