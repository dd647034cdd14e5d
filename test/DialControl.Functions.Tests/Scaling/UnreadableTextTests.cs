using System.Text;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

/// <summary>
/// JSON that parses but holds text .NET cannot read as a string (a lone surrogate escape, bytes that are
/// not UTF-8): still one Warning line, a normal return and no AWS call, never an unhandled exception.
/// </summary>
public sealed class UnreadableTextTests
{
    private const string Accepted = "accepted: an EventBridge \"CloudWatch Alarm State Change\" event, a CloudWatch " +
        "alarm action payload (source aws.cloudwatch with alarmData) or an EventBridge \"Scheduled Event\"";

    private const string Unreadable = "the payload has a string that is not valid UTF-8 or UTF-16 (such as a lone " +
        "surrogate escape); " + Accepted;

    [Theory]
    [InlineData("alarm name", "dial-core-cpu-high", "\\ud800")]
    [InlineData("source", "\"source\":\"aws.cloudwatch\"", "\"source\":\"aws.\\udc00\"")]
    [InlineData("property name", "\"detail-type\"", "\"detail-\\ud800type\"")]
    public async Task InvokeAsync_LoneSurrogateEscape_LogsClearSkipAndCallsNothing(string name, string from,
        string to)
    {
        var harness = ScalingHarness.Create();
        var payload = harness.CpuHigh(25).Replace(from, to, StringComparison.Ordinal);

        var decision = await harness.DecideAsync(payload);

        Assert.NotEqual(harness.CpuHigh(25), payload);
        AssertSkipped(harness, decision, name);
    }

    [Fact]
    public async Task InvokeAsync_InvalidUtf8InAString_LogsClearSkipAndCallsNothing()
    {
        var harness = ScalingHarness.Create();
        var text = Encoding.UTF8.GetBytes(harness.CpuHigh(25).Replace("dial-core-cpu-high", "dial-core-cpu-h~gh",
            StringComparison.Ordinal));
        for (var i = Array.IndexOf(text, (byte)'~'); i >= 0; i = Array.IndexOf(text, (byte)'~'))
        {
            text[i] = 0xC3;
        }

        var response = await harness.Function.InvokeAsync(text, new Fakes.FakeLambdaContext(harness.Clock));

        var decision = System.Text.Json.Nodes.JsonNode.Parse(response)!["decisions"]!.AsArray().Single()!.AsObject();
        AssertSkipped(harness, decision, "invalid utf-8");
    }

    [Fact]
    public async Task InvokeAsync_LoneSurrogateInsideReasonData_TakesTheSmallestStep()
    {
        var harness = ScalingHarness.Create(desired: 3);
        var reasonData = "{\"threshold\": 80, \"recentDatapoints\": [110], \"\\ud800\\ud800\\ud800\\ud800\": 1}";
        var payload = AlarmEvents.EventBridge("dial-core-cpu-high", "ALARM", harness.Clock.GetUtcNow().AddSeconds(-20),
            reasonData);

        var decision = await harness.DecideAsync(payload);

        Assert.Equal(("out", 1), ((string)decision["decision"]!, (int)decision["delta"]!));
        Assert.Contains("reasonData has a string that is not valid UTF-16", (string)decision["reason"]!,
            StringComparison.Ordinal);
    }

    private static void AssertSkipped(ScalingHarness harness, System.Text.Json.Nodes.JsonObject decision,
        string name)
    {
        Assert.Empty(harness.Calls.Calls);
        Assert.Equal(("skip", "malformed-json", Unreadable), ((string)decision["decision"]!,
            (string)decision["reasonCode"]!, (string)decision["reason"]!));
        Assert.Equal(LogLevel.Warning, Assert.Single(harness.Decisions).Level);
        Assert.False(string.IsNullOrEmpty(name));
    }
}
