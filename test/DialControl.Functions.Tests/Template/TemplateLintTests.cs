using Xunit;

namespace DialControl.Functions.Tests.Template;

public sealed class TemplateLintTests
{
    [Fact]
    public void CfnLint_ServerlessTemplate_ReportsNoFinding()
    {
        var (exitCode, output) = CfnLint.Run(TemplateDocument.FilePath);

        Assert.True(exitCode == 0, $"cfn-lint exited with {exitCode}:\n{output}");
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Locate_CfnLintNotOnPath_FailsWithTheInstallCommand()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CfnLint.Locate(_ => null));

        Assert.Equal("'cfn-lint' was not found on PATH; install it with: pip install cfn-lint.", error.Message);
    }
}
