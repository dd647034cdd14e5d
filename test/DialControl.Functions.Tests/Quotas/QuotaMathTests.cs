using DialControl.Functions.Quotas;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class QuotaMathTests
{
    [Theory]
    [InlineData(1000, 200, 1, 1200)]
    [InlineData(1000, 200, 5, 2000)]
    [InlineData(0, 0, 5, 0)]
    public void QuotaTokens_OutputMultiplier_CountsOutputTimesMultiplier(
        double input, double output, double multiplier, double expected) =>
        Assert.Equal(expected, QuotaMath.QuotaTokens(input, output, multiplier));

    [Theory]
    [InlineData(80_000, 100_000, 80.0)]
    [InlineData(0, 100_000, 0.0)]
    [InlineData(150_000, 100_000, 150.0)]
    [InlineData(1, 3, 33.333333333333336)]
    public void UtilisationPercent_PositiveQuota_IsPeakOverQuota(double peak, double quota, double expected) =>
        Assert.Equal(expected, QuotaMath.UtilisationPercent(peak, quota));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void UtilisationPercent_ZeroQuota_IsUndefined(double peak) =>
        Assert.Null(QuotaMath.UtilisationPercent(peak, 0));

    public static TheoryData<double?, double, string> Levels => new()
    {
        { 0.0, 0, "OK" },
        { 79.99, 0, "OK" },
        { 80.0, 0, "WARNING" },
        { 99.99, 0, "WARNING" },
        { 100.0, 0, "EXHAUSTED" },
        { 250.0, 0, "EXHAUSTED" },
        { null, 0, "EXHAUSTED" },
        { 3.0, 1, "EXHAUSTED" },
        { 0.0, 12, "EXHAUSTED" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Classify_UtilisationAndThrottles_GivesLevel(double? utilisation, double throttles, string expected) =>
        Assert.Equal(expected, QuotaMath.Classify(utilisation, throttles, warningPercent: 80).ToWire());

    public static TheoryData<double, double, double?, string, double, double> Sizings => new()
    {
        // peak, current, cap -> verdict, wanted, desired; target 60%.
        { 120_000, 100_000, 500_000, nameof(IncreaseVerdict.Request), 200_000, 200_000 },
        { 120_000, 100_000, 150_000, nameof(IncreaseVerdict.Capped), 200_000, 150_000 },
        { 120_000, 100_000, 100_000, nameof(IncreaseVerdict.CapNotAboveCurrent), 200_000, 100_000 },
        { 120_000, 100_000, 90_000, nameof(IncreaseVerdict.CapNotAboveCurrent), 200_000, 90_000 },
        { 120_000, 100_000, null, nameof(IncreaseVerdict.NoCap), 200_000, 200_000 },
        { 50_000, 100_000, 500_000, nameof(IncreaseVerdict.NotNeeded), 83_334, 83_334 },
        { 0, 100_000, 500_000, nameof(IncreaseVerdict.NoUsage), 0, 0 },
        { 100, 0, 500_000, nameof(IncreaseVerdict.Request), 167, 167 },
    };

    [Theory]
    [MemberData(nameof(Sizings))]
    public void SizeIncrease_PeakCurrentCap_GivesVerdictAndValue(double peak, double current, double? cap,
        string verdict, double wanted, double desired)
    {
        var sizing = QuotaMath.SizeIncrease(peak, current, targetPercent: 60, cap);

        Assert.Equal((verdict, wanted, desired), (sizing.Verdict.ToString(), sizing.Wanted, sizing.Desired));
    }
}
