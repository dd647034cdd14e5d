using System.Text.Json;
using System.Text.RegularExpressions;
using DialControl.Functions.Failover;
using DialControl.Functions.Quotas;
using DialControl.Functions.Scaling;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests;

/// <summary>
/// The README's configuration and input examples go through the parsers the functions use, so an
/// operator who copies one gets what the README says, and a change to a parser cannot leave the
/// README behind.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string s_readme = File.ReadAllText(RepoPaths.Combine("README.md"));

    [Fact]
    public void ScalePolicies_ReadmeExample_ParsesIntoTheDescribedPolicies()
    {
        var problems = new List<string>();

        var policies = ScalePolicyParser.Parse(JsonBlockAfter("### Scale nodes"), problems);

        Assert.Empty(problems);
        Assert.Collection(policies,
            high =>
            {
                Assert.Equal(("dial-core-cpu-high", "core", ScaleDirection.Out, 10), (high.Alarm, high.NodeGroup,
                    high.Direction, high.Max));
                Assert.Equal(TimeSpan.FromMinutes(5), high.Cooldown);
                Assert.Equal([new ScaleStep(0, 20, 1), new ScaleStep(20, null, 2)], high.Steps);
            },
            low =>
            {
                Assert.Equal(("dial-core-cpu-low", ScaleDirection.In, 2), (low.Alarm, low.Direction, low.Min));
                Assert.Equal(TimeSpan.FromMinutes(10), low.Cooldown);
            });
    }

    [Fact]
    public void BedrockModels_ReadmeExample_ParsesWithItsMultiplierAndAlternatives()
    {
        var problems = new List<string>();

        var models = BedrockModelsParser.Parse(JsonBlockAfter("### Bedrock quota flag"), problems);

        Assert.Empty(problems);
        var model = Assert.Single(models);
        Assert.Equal(("anthropic.claude-sonnet-4-20250514-v1:0", "L-1A2B3C4D", "L-5E6F7A8B", 5.0),
            (model.ModelId, model.TpmQuotaCode, model.RpmQuotaCode, model.OutputTokenMultiplier));
        Assert.Equal(["us-east-1"], model.Regions);
        Assert.Equal(2, model.Alternatives.Count);
    }

    [Fact]
    public void FailoverInput_ReadmeStartExecutionExample_IsAValidDryRunForTheRegionItIsSentTo()
    {
        var section = Section("## Region failover");
        var region = RegionOption().Match(section).Groups[1].Value;
        var input = InputOption().Match(section).Groups[1].Value;

        var request = FailoverRequestParser.Parse(JsonDocument.Parse(input).RootElement, region);

        Assert.Equal("eu-central-1", request.TargetRegion);
        Assert.True(request.DryRun);
        Assert.False(request.Force);
    }

    /// <summary>The first ```json block after <paramref name="heading"/>.</summary>
    private static string JsonBlockAfter(string heading)
    {
        var match = JsonBlock().Match(Section(heading));
        Assert.True(match.Success, $"README.md has no ```json block under '{heading}'");
        return match.Groups[1].Value;
    }

    private static string Section(string heading)
    {
        var start = s_readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no heading '{heading}'");
        return s_readme[start..];
    }

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"--region ([a-z0-9-]+)")]
    private static partial Regex RegionOption();

    [GeneratedRegex(@"--input '([^']*)'")]
    private static partial Regex InputOption();
}
