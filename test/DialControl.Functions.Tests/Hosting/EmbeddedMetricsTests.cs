using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class EmbeddedMetricsTests
{
    private readonly CapturedEnvironment _host = new(functionName: "scale-nodes");

    [Fact]
    public void Emit_PointWithDimensions_WritesOneValidEmfLine()
    {
        _host.Environment.Metrics.Emit(new MetricPoint("ScaleDecision", 1, "Count",
            new Dictionary<string, string> { ["NodeGroup"] = "ng-core", ["Direction"] = "out" }));

        var line = Assert.Single(_host.Lines);
        Assert.Empty(EmfSpecification.Problems(line));
        Assert.Equal("{\"_aws\":{\"Timestamp\":1768478400000,\"CloudWatchMetrics\":[{\"Namespace\":\"DialControl\"," +
            "\"Dimensions\":[[\"NodeGroup\",\"Direction\"]]," +
            "\"Metrics\":[{\"Name\":\"ScaleDecision\",\"Unit\":\"Count\"}]}]}," +
            "\"NodeGroup\":\"ng-core\",\"Direction\":\"out\",\"ScaleDecision\":1,\"function\":\"scale-nodes\"}", line);
    }

    [Fact]
    public void Emit_NoDimensions_ValidWithAnEmptyDimensionSet()
    {
        var point = new MetricPoint("Utilisation", 85.5, "Percent", new Dictionary<string, string>());

        _host.Environment.Metrics.Emit(point);

        var line = Assert.Single(_host.Lines);
        Assert.Empty(EmfSpecification.Problems(line));
        Assert.Contains("\"Dimensions\":[[]]", line, StringComparison.Ordinal);
        Assert.Contains("\"Utilisation\":85.5", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Emit_InsideInvocation_CarriesRequestIdAsAPlainMember()
    {
        using (InvocationScope.Begin("req-7", "quota"))
        {
            _host.Environment.Metrics.Emit(new MetricPoint("QuotaLevelChanged", 1, "Count",
                new Dictionary<string, string> { ["ModelId"] = "anthropic.claude" }));
        }

        var line = Assert.Single(_host.Json);
        Assert.Empty(EmfSpecification.Problems(line.ToJsonString()));
        Assert.Equal(("quota", "req-7"), ((string?)line["function"], (string?)line["requestId"]));
        Assert.Equal("[[\"ModelId\"]]", line["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString());
    }

    [Fact]
    public void Emit_DimensionNamedFunction_KeepsTheDimensionValue()
    {
        _host.Environment.Metrics.Emit(new MetricPoint("Errors", 2, "Count",
            new Dictionary<string, string> { ["function"] = "failover-trigger" }));

        var line = Assert.Single(_host.Lines);
        Assert.Empty(EmfSpecification.Problems(line));
        Assert.Contains("\"function\":\"failover-trigger\",\"Errors\":2}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Emit_EveryCloudWatchUnit_Valid()
    {
        foreach (var unit in EmbeddedMetrics.Units)
        {
            _host.Environment.Metrics.Emit(new MetricPoint("M", 1, unit, new Dictionary<string, string>()));
        }

        Assert.Equal(27, _host.Lines.Count);
        Assert.All(_host.Lines, line => Assert.Empty(EmfSpecification.Problems(line)));
    }

    [Fact]
    public void Emit_InvalidPoint_ThrowsNamingEveryProblem()
    {
        var dimensions = Enumerable.Range(0, 31).ToDictionary(i => $"D{i}", i => i == 0 ? "" : "v");

        var failure = Assert.Throws<ArgumentException>(() =>
            _host.Environment.Metrics.Emit(new MetricPoint("Latency", double.NaN, "Millis", dimensions)));

        Assert.StartsWith(
            "Metric 'Latency' cannot be written as EMF: unit 'Millis' is not a CloudWatch unit (Seconds, ",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("; value NaN is not a finite number; 31 dimensions, at most 30 allowed; dimension 'D0' value " +
            "must be 1-1024 characters. (Parameter 'point')", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Lines);
    }

    [Fact]
    public void Emit_DimensionNamedLikeTheMetric_Throws()
    {
        var failure = Assert.Throws<ArgumentException>(() => _host.Environment.Metrics.Emit(
            new MetricPoint("Nodes", 3, "Count", new Dictionary<string, string> { ["Nodes"] = "ng" })));

        Assert.Equal("Metric 'Nodes' cannot be written as EMF: dimension name 'Nodes' must be 1-255 characters, not " +
            "'_aws' nor the metric's name. (Parameter 'point')", failure.Message);
    }

    [Theory]
    [InlineData("{}", "_aws is missing or not an object")]
    [InlineData("{\"_aws\":{\"CloudWatchMetrics\":[]}}", "_aws.Timestamp is missing or not an integer")]
    [InlineData("{\"_aws\":{\"Timestamp\":1}}", "_aws.CloudWatchMetrics is missing or not an array")]
    [InlineData("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Dimensions\":[[]],\"Metrics\":[]}]}}",
        "Namespace is missing or not 1-255 characters")]
    [InlineData("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[]," +
        "\"Metrics\":[]}]}}", "Dimensions is missing, not an array or empty")]
    [InlineData("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"G\"]]," +
        "\"Metrics\":[]}]},\"G\":1}", "dimension 'G' has no string target member")]
    [InlineData("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]]," +
        "\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},\"M\":\"1\"}", "metric 'M' has no numeric target member")]
    [InlineData("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[]]," +
        "\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Nodes\"}]}]},\"M\":1}",
        "metric 'M' has Unit \"Nodes\", not a CloudWatch unit")]
    public void EmfSpecification_BrokenDocument_NamesTheProblem(string line, string expected)
    {
        Assert.Equal(expected, Assert.Single(EmfSpecification.Problems(line)));
    }
}
