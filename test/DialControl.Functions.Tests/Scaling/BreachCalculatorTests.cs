using DialControl.Functions.Scaling;
using Xunit;

namespace DialControl.Functions.Tests.Scaling;

public sealed class BreachCalculatorTests
{
    [Theory]
    [InlineData(null, "reasonData is absent")]
    [InlineData("", "reasonData is absent")]
    [InlineData("{\"threshold\": 80, ", "reasonData is not valid JSON")]
    [InlineData("[1, 2]", "reasonData is not a JSON object")]
    [InlineData("{\"recentDatapoints\": [95]}", "reasonData has no numeric threshold (composite or anomaly detection alarm)")]
    [InlineData("{\"threshold\": \"80\", \"recentDatapoints\": [95]}",
        "reasonData has no numeric threshold (composite or anomaly detection alarm)")]
    [InlineData("{\"threshold\": 80}", "reasonData has no recent datapoints")]
    [InlineData("{\"threshold\": 80, \"recentDatapoints\": []}", "reasonData has no recent datapoints")]
    [InlineData("{\"threshold\": 80, \"recentDatapoints\": [\"95\", null]}", "reasonData has no recent datapoints")]
    [InlineData("{\"threshold\": 80, \"recentDatapoints\": [12.5, 70]}", "no recent datapoint is above the threshold 80")]
    [InlineData("{\"triggeringAlarms\": [{\"arn\": \"arn:aws:cloudwatch:eu-west-1:1:alarm:a\"}]}",
        "reasonData has no numeric threshold (composite or anomaly detection alarm)")]
    public void Measure_NoUsableBreach_IsUnknownWithExplanation(string? reasonData, string explanation)
    {
        var breach = BreachCalculator.Measure(reasonData, AlarmSide.Above);

        Assert.Equal(Breach.Unknown(explanation), breach);
    }

    [Fact]
    public void Measure_OneDatapointAbove_IsDistanceToThreshold()
    {
        var breach = BreachCalculator.Measure("{\"threshold\": 80.0, \"recentDatapoints\": [99.50160229693434]}",
            AlarmSide.Above);

        Assert.Equal(19.5016, breach.Size!.Value, 4);
        Assert.Equal("breach 19.502 above the threshold 80 (smallest of 1 breaching datapoint)", breach.Explanation);
    }

    [Fact]
    public void Measure_SeveralDatapoints_TakesSmallestBreachAndIgnoresTheOtherSide()
    {
        var breach = BreachCalculator.Measure("{\"threshold\": 80, \"recentDatapoints\": [110, 95, 40]}", AlarmSide.Above);

        Assert.Equal(new Breach(15, "breach 15 above the threshold 80 (smallest of 2 breaching datapoints)"), breach);
    }

    [Fact]
    public void Measure_AlarmBelowThreshold_MeasuresDownwards()
    {
        var breach = BreachCalculator.Measure("{\"threshold\": 30, \"recentDatapoints\": [12, 25, 40]}", AlarmSide.Below);

        Assert.Equal(new Breach(5, "breach 5 below the threshold 30 (smallest of 2 breaching datapoints)"), breach);
    }

    [Fact]
    public void Measure_DatapointOnThreshold_IsBreachZero()
    {
        var breach = BreachCalculator.Measure("{\"threshold\": 80, \"recentDatapoints\": [80]}", AlarmSide.Above);

        Assert.Equal(0, breach.Size);
    }
}
