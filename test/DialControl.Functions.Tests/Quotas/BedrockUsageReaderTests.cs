using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class BedrockUsageReaderTests
{
    private static readonly UsageWindow s_window = UsageWindow.EndingAt(QuotaHarness.Now, 5);
    private static readonly DateTimeOffset s_minute = QuotaHarness.WindowStart;

    [Fact]
    public void EndingAt_MidMinute_EndsAtTheLastWholeMinute()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 10, 7, 0, TimeSpan.Zero), s_window.End);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 10, 2, 0, TimeSpan.Zero), s_window.Start);
    }

    [Fact]
    public async Task ReadAsync_TwoModels_OneCallWithFiveSumQueriesPerModel()
    {
        var cloudWatch = new FakeCloudWatch();
        var reader = new BedrockUsageReader(_ => cloudWatch);

        await reader.ReadAsync("us-east-1", new Dictionary<string, double> { ["a"] = 1, ["b"] = 5 }, s_window,
            CancellationToken.None);

        var request = Assert.Single(cloudWatch.Requests);
        Assert.Equal(s_window.Start, request.StartTime);
        Assert.Equal(s_window.End, request.EndTime);
        Assert.Equal(10, request.MetricDataQueries.Count);
        Assert.All(request.MetricDataQueries, q =>
        {
            Assert.Equal("Sum", q.MetricStat!.Stat);
            Assert.Equal(60, q.MetricStat.Period);
            Assert.Equal("AWS/Bedrock", q.MetricStat.Metric!.Namespace);
        });
        Assert.Equal(
            ["a InputTokenCount", "a OutputTokenCount", "a Invocations", "a InvocationThrottles",
                "a EstimatedTPMQuotaUsage", "b InputTokenCount", "b OutputTokenCount", "b Invocations",
                "b InvocationThrottles", "b EstimatedTPMQuotaUsage"],
            request.MetricDataQueries.Select(q => q.MetricStat!.Metric!).Select(m =>
                $"{m.Dimensions!.Single(d => d.Name == "ModelId").Value} {m.MetricName}"));
    }

    [Fact]
    public async Task ReadAsync_Traffic_TakesThePeakMinuteWithTheOutputMultiplier()
    {
        var cloudWatch = new FakeCloudWatch()
            .Minute("m", s_minute, input: 1000, output: 100, invocations: 4)
            .Minute("m", s_minute.AddMinutes(1), input: 500, output: 400, invocations: 7, throttles: 2)
            .Minute("m", s_minute.AddMinutes(-3), input: 90_000, output: 90_000, invocations: 900);
        var reader = new BedrockUsageReader(_ => cloudWatch);

        var usage = (await reader.ReadAsync("us-east-1", new Dictionary<string, double> { ["m"] = 5 }, s_window,
            CancellationToken.None))["m"];

        Assert.Equal(2500, usage.PeakComputedTokensPerMinute);
        Assert.Null(usage.PeakEstimatedTokensPerMinute);
        Assert.Equal(2500, usage.PeakTokensPerMinute);
        Assert.Equal(7, usage.PeakRequestsPerMinute);
        Assert.Equal(1500, usage.InputTokens);
        Assert.Equal(500, usage.OutputTokens);
        Assert.Equal(11, usage.Invocations);
        Assert.Equal(2, usage.Throttles);
        Assert.Null(usage.Problem);
    }

    [Fact]
    public async Task ReadAsync_EstimatedQuotaUsageAboveOwnCount_UsesTheEstimate()
    {
        var cloudWatch = new FakeCloudWatch()
            .Minute("m", s_minute, input: 1000, output: 100)
            .Point("m", "EstimatedTPMQuotaUsage", s_minute, 4000);
        var reader = new BedrockUsageReader(_ => cloudWatch);

        var usage = (await reader.ReadAsync("us-east-1", new Dictionary<string, double> { ["m"] = 1 }, s_window,
            CancellationToken.None))["m"];

        Assert.Equal(1100, usage.PeakComputedTokensPerMinute);
        Assert.Equal(4000, usage.PeakEstimatedTokensPerMinute);
        Assert.Equal(4000, usage.PeakTokensPerMinute);
    }

    [Fact]
    public async Task ReadAsync_NoTraffic_IsZeroNotAnError()
    {
        var reader = new BedrockUsageReader(_ => new FakeCloudWatch());

        var usage = (await reader.ReadAsync("us-east-1", new Dictionary<string, double> { ["m"] = 1 }, s_window,
            CancellationToken.None))["m"];

        Assert.Equal(ModelUsage.None("m", "us-east-1"), usage);
    }

    [Fact]
    public async Task ReadAsync_ForbiddenMetrics_ReportsAProblemNamingModelAndRegion()
    {
        var reader = new BedrockUsageReader(_ => new FakeCloudWatch { StatusCode = "Forbidden" });

        var usage = (await reader.ReadAsync("eu-west-1", new Dictionary<string, double> { ["m"] = 1 }, s_window,
            CancellationToken.None))["m"];

        Assert.Equal("CloudWatch answered Forbidden for AWS/Bedrock metrics of m in eu-west-1", usage.Problem);
    }
}
