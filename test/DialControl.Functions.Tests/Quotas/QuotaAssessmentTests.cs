using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class QuotaAssessmentTests
{
    private static readonly BedrockModel s_model = new("anthropic.claude-sonnet-4-20250514-v1:0", ["us-east-1"],
        "L-11111111", "L-22222222", new Dictionary<string, RegionQuotaCodes>(), 5, [], null, null);

    private static readonly QuotaTarget s_target = new(s_model, "us-east-1");

    private static AppliedQuota Quota(string code, double value, bool isDefault = false) =>
        new(code, "us-east-1", null, value, Adjustable: true, isDefault, null);

    private static ModelUsage Usage(double computed, double requests = 10, double throttles = 0,
        double? estimated = null) =>
        new(s_model.ModelId, "us-east-1", computed, estimated, requests, 0, 0, requests * 5, throttles);

    public static TheoryData<string, double, double, double, double?, double, string, double?, string> Cases => new()
    {
        // scenario, peak tokens, peak requests, throttles, estimated, TPM quota -> level, utilisation, reason.
        { "below warning", 40_000, 10, 0, null, 100_000, "OK", 40.0,
            "peak 40000 tokens per minute is 40% of TPM quota L-11111111 (100000 tokens per minute, applied): " +
            "below the 80% warning threshold" },
        { "at warning", 80_000, 10, 0, null, 100_000, "WARNING", 80.0,
            "peak 80000 tokens per minute is 80% of TPM quota L-11111111 (100000 tokens per minute, applied): " +
            "at or above the 80% warning threshold" },
        { "at quota", 100_000, 10, 0, null, 100_000, "EXHAUSTED", 100.0,
            "peak 100000 tokens per minute is 100% of TPM quota L-11111111 (100000 tokens per minute, applied): " +
            "at or above 100%" },
        { "zero quota", 0, 10, 0, null, 0, "EXHAUSTED", null,
            "TPM quota L-11111111 (0 tokens per minute, applied) is 0 in us-east-1: the model cannot be invoked " +
            "there" },
        { "throttles at low usage", 3_000, 10, 3, null, 100_000, "EXHAUSTED", 10.0,
            "3 throttled invocations in the last 5 minutes; peak 10 requests per minute is 10% of RPM quota " +
            "L-22222222 (100 requests per minute, applied)" },
        { "estimated above computed", 10_000, 10, 0, 85_000, 100_000, "WARNING", 85.0,
            "peak 85000 tokens per minute is 85% of TPM quota L-11111111 (100000 tokens per minute, applied): " +
            "at or above the 80% warning threshold" },
        { "requests bind", 10_000, 95, 0, null, 100_000, "WARNING", 95.0,
            "peak 95 requests per minute is 95% of RPM quota L-22222222 (100 requests per minute, applied): " +
            "at or above the 80% warning threshold" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_UsageAndQuotas_GivesLevelUtilisationAndReason(string scenario, double tokens, double requests,
        double throttles, double? estimated, double tpm, string level, double? utilisation, string reason)
    {
        var usage = Usage(tokens, requests, throttles, estimated);

        var assessment = QuotaAssessor.Assess(s_target, usage, Quota("L-11111111", tpm), Quota("L-22222222", 100),
            warningPercent: 80, windowMinutes: 5);

        Assert.True(level == assessment.Level.ToWire(), $"{scenario}: {assessment.Level.ToWire()}");
        Assert.Equal(utilisation, assessment.Binding.UtilisationPercent);
        Assert.Equal(reason, assessment.Reason);
    }

    [Fact]
    public void Assess_DefaultQuota_SaysItIsTheAwsDefault()
    {
        var assessment = QuotaAssessor.Assess(s_target, Usage(50_000), Quota("L-11111111", 100_000, isDefault: true),
            null, warningPercent: 80, windowMinutes: 5);

        Assert.Equal("peak 50000 tokens per minute is 50% of TPM quota L-11111111 (100000 tokens per minute, " +
            "AWS default): below the 80% warning threshold", assessment.Reason);
        Assert.Null(assessment.Rpm);
    }

    [Fact]
    public async Task ReadAsync_AppliedValue_UsesItWithoutAskingForTheDefault()
    {
        var fake = new FakeServiceQuotas("us-east-1").Applied("L-11111111", 400_000);
        var reader = new QuotaReader(_ => fake);

        var quota = await reader.ReadAsync("us-east-1", "L-11111111", CancellationToken.None);

        Assert.Equal(400_000, quota.Value);
        Assert.False(quota.IsDefault);
        Assert.Equal(["GetServiceQuota bedrock/L-11111111"], fake.Calls);
    }

    [Fact]
    public async Task ReadAsync_NoAppliedValue_FallsBackToTheAwsDefault()
    {
        var fake = new FakeServiceQuotas("us-east-1").DefaultOnly("L-11111111", 200_000, adjustable: false);
        var reader = new QuotaReader(_ => fake);

        var quota = await reader.ReadAsync("us-east-1", "L-11111111", CancellationToken.None);

        Assert.Equal(200_000, quota.Value);
        Assert.True(quota.IsDefault);
        Assert.False(quota.Adjustable);
        Assert.Equal(["GetServiceQuota bedrock/L-11111111", "GetAWSDefaultServiceQuota bedrock/L-11111111"],
            fake.Calls);
    }

    [Fact]
    public async Task ReadAsync_SameCodeTwice_AsksServiceQuotasOnce()
    {
        var fake = new FakeServiceQuotas("us-east-1").Applied("L-11111111", 400_000);
        var reader = new QuotaReader(_ => fake);

        await reader.ReadAsync("us-east-1", "L-11111111", CancellationToken.None);
        await reader.ReadAsync("us-east-1", "L-11111111", CancellationToken.None);

        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task ReadAsync_UnknownCode_ThrowsNamingCodeRegionAndHowToFindIt()
    {
        var reader = new QuotaReader(_ => new FakeServiceQuotas("eu-west-1"));

        var error = await Assert.ThrowsAsync<QuotaCodeUnknownException>(
            () => reader.ReadAsync("eu-west-1", "L-99999999", CancellationToken.None));

        Assert.Equal("Service Quotas knows no applied or default value for bedrock quota L-99999999 in eu-west-1; " +
            "check the code with: aws service-quotas list-service-quotas --service-code bedrock --region eu-west-1",
            error.Message);
    }
}
