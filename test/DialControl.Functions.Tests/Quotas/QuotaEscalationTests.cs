using DialControl.Aws.ServiceQuotas;
using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static DialControl.Functions.Tests.Quotas.Support.QuotaHarness;

namespace DialControl.Functions.Tests.Quotas;

public sealed class QuotaEscalationTests
{
    private readonly QuotaHarness _h = new();
    private readonly UsageBook _usage = new();

    private QuotaEscalation Ladder(params (string Name, string Value)[] settings)
    {
        _h.Settings["QUOTA_AUTO_REQUEST"] = "true";
        _h.Settings["QUOTA_REQUEST_CAP_TPM"] = "1000000";
        foreach (var (name, value) in settings)
        {
            _h.Settings[name] = value;
        }

        var options = BedrockQuotaOptionsReader.Read(n => _h.Settings.GetValueOrDefault(n));
        return new QuotaEscalation(options, new QuotaReader(_h.QuotasIn), _h.QuotasIn, _h.Time, NullLogger.Instance);
    }

    /// <summary>
    /// The model at <paramref name="peakTokens"/> tokens and <paramref name="peakRequests"/> requests
    /// per minute.
    /// </summary>
    private async Task<QuotaAssessment> AssessAsync(double peakTokens, double peakRequests = 10, double throttles = 0)
    {
        var options = BedrockQuotaOptionsReader.Read(n => _h.Settings.GetValueOrDefault(n));
        var target = new QuotaTarget(options.Models[0], Home);
        var reader = new QuotaReader(_h.QuotasIn);
        var usage = new ModelUsage(Model, Home, peakTokens, null, peakRequests, 0, 0, 0, throttles);
        var assessment = QuotaAssessor.Assess(target, usage, await reader.ReadAsync(Home, Tpm, default),
            await reader.ReadAsync(Home, Rpm, default), 80, 5);
        _h.QuotasIn(Home).Calls.Clear();
        return assessment;
    }

    private void Alternatives(double westPeak, double profilePeak)
    {
        _usage.Add(West, new Dictionary<string, ModelUsage>
        {
            [Model] = new(Model, West, westPeak, null, 1, 0, 0, 0, 0),
        });
        _usage.Add(Home, new Dictionary<string, ModelUsage>
        {
            [Profile] = new(Profile, Home, profilePeak, null, 1, 0, 0, 0, 0),
        });
    }

    [Fact]
    public async Task EscalateAsync_AdjustableAllowedNothingOpen_RequestsPeakOverTargetRoundedUp()
    {
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_001), _usage, default);

        Assert.Equal(["us-east-1 L-11111111 200002"], _h.IncreaseRequests);
        Assert.Equal(["ListRequestedServiceQuotaChangeHistoryByQuota bedrock/L-11111111",
            "RequestServiceQuotaIncrease bedrock/L-11111111 200002", "GetServiceQuota bedrock/L-44444444"],
            _h.QuotasIn(Home).Calls);
        var action = Assert.Single(outcome.Actions);
        Assert.Equal(new EscalationAction("QuotaIncreaseRequested", Home, Tpm, 100_000, 200_002, "req-1", "PENDING",
            false, "Requested an increase of L-11111111 from 100000 to 200002: request req-1 is PENDING"), action);
        Assert.Empty(outcome.Recommendations);
    }

    [Fact]
    public async Task EscalateAsync_NotAdjustable_RecommendsSupportAndRequestsNothing()
    {
        _h.QuotasIn(Home).Applied(Tpm, 100_000, adjustable: false);
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.DoesNotContain(_h.QuotaCalls, c => c.StartsWith("ListRequested", StringComparison.Ordinal));
        Assert.Empty(outcome.Actions);
        Assert.Equal(
        [
            new QuotaRecommendation("RequestIncreaseThroughSupport", "L-11111111 is not adjustable in Service " +
                "Quotas: ask AWS to raise L-11111111 from 100000 to 200000 through the limit increase form or AWS " +
                "Support", Home, Model, Tpm, 200_000),
            new QuotaRecommendation("AddAccount", "No quota increase is possible or open for " +
                "anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1 and no configured alternative has headroom: " +
                "serve part of the load from another AWS account", Home, Model),
        ], outcome.Recommendations);
    }

    [Theory]
    [InlineData(RequestStatus.Pending)]
    [InlineData(RequestStatus.CaseOpened)]
    public async Task EscalateAsync_RequestAlreadyOpen_DoesNotRequestAgain(string status)
    {
        _h.QuotasIn(Home).History(Tpm, status, 150_000, Now.AddDays(-3), "req-open");
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Empty(outcome.Actions);
        Assert.Equal([new QuotaRecommendation("IncreaseRequestOpen", "Increase request req-open for L-11111111 in " +
            $"us-east-1 (to 150000) is already {status}; not requesting again", Home, Model, Tpm, 150_000)],
            outcome.Recommendations);
    }

    [Fact]
    public async Task EscalateAsync_ServiceQuotasSaysAlreadyPending_CountsAsOpen()
    {
        _h.QuotasIn(Home).AlreadyPendingOnRequest = true;
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(outcome.Actions);
        Assert.Equal(["IncreaseRequestOpen"], outcome.Recommendations.Select(r => r.Type));
    }

    [Fact]
    public async Task EscalateAsync_WantedAboveCap_RequestsTheCap()
    {
        var ladder = Ladder(("QUOTA_REQUEST_CAP_TPM", "150000"));
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Equal(["us-east-1 L-11111111 150000"], _h.IncreaseRequests);
        Assert.Equal("Requested an increase of L-11111111 from 100000 to 150000 (capped: the peak at the 60% target " +
            "wants 200000): request req-1 is PENDING", Assert.Single(outcome.Actions).Message);
    }

    [Fact]
    public async Task EscalateAsync_CapNotAboveCurrent_RequestsNothingAndSaysSo()
    {
        var ladder = Ladder(("QUOTA_REQUEST_CAP_TPM", "100000"));
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Equal("Request an increase of L-11111111 from 100000 to 200000 in us-east-1: the cap 100000 is not " +
            "above the current value 100000, so DialControl does not request it; raise the cap",
            outcome.Recommendations[0].Message);
        Assert.Equal("AddAccount", outcome.Recommendations[^1].Type);
    }

    [Fact]
    public async Task EscalateAsync_AutoRequestOff_RecommendsTheIncreaseWithoutCallingServiceQuotas()
    {
        var ladder = Ladder(("QUOTA_AUTO_REQUEST", "false"));
        Alternatives(westPeak: 10_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.DoesNotContain(_h.QuotaCalls, c => c.StartsWith("ListRequested", StringComparison.Ordinal));
        Assert.Equal(
        [
            new QuotaRecommendation("RequestQuotaIncrease", "Request an increase of L-11111111 from 100000 to 200000 " +
                "in us-east-1: automatic requests are off (QUOTA_AUTO_REQUEST=false)", Home, Model, Tpm, 200_000),
            new QuotaRecommendation("UseAlternative", "Send part of the load to " +
                "anthropic.claude-sonnet-4-20250514-v1:0 in us-west-2: L-33333333 is 10% used (90000 tokens per " +
                "minute spare)", West, Model, WestTpm, 90_000),
        ], outcome.Recommendations);
    }

    [Fact]
    public async Task EscalateAsync_DryRun_DecidesTheRequestButMakesNone()
    {
        var ladder = Ladder(("DRY_RUN", "true"));
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.DoesNotContain(_h.QuotaCalls,
            c => c.StartsWith("RequestServiceQuotaIncrease", StringComparison.Ordinal));
        var action = Assert.Single(outcome.Actions);
        Assert.True(action.DryRun);
        Assert.Null(action.RequestId);
        Assert.Equal("Dry run: would request an increase of L-11111111 from 100000 to 200000", action.Message);
    }

    [Fact]
    public async Task EscalateAsync_RequestDeniedHoursAgo_WaitsForAPerson()
    {
        _h.QuotasIn(Home).History(Tpm, RequestStatus.Denied, 500_000, Now.AddHours(-2), "req-denied");
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Equal("Increase request req-denied for L-11111111 in us-east-1 ended DENIED at " +
            "2025-06-02T08:07:30.0000000+00:00; not asking again within 24 hours: contact AWS Support",
            outcome.Recommendations[0].Message);
    }

    [Fact]
    public async Task EscalateAsync_RequestDeniedDaysAgo_AsksAgain()
    {
        _h.QuotasIn(Home).History(Tpm, RequestStatus.Denied, 500_000, Now.AddDays(-2), "req-denied");
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        await ladder.EscalateAsync(await AssessAsync(120_000), _usage, default);

        Assert.Equal(["us-east-1 L-11111111 200000"], _h.IncreaseRequests);
    }

    [Fact]
    public async Task EscalateAsync_ThrottledAtLowUsage_ExplainsAnIncreaseWouldNotHelp()
    {
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 20_000);

        var assessment = await AssessAsync(5_000, peakRequests: 1, throttles: 4);

        var outcome = await ladder.EscalateAsync(assessment, _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Equal(["NoIncrease", "ReviewMaxTokens", "UseAlternative"], outcome.Recommendations.Select(r => r.Type));
        Assert.Equal("the peak (5000 per minute) fits L-11111111 (100000) at the 60% target, so a larger quota would " +
            "not help", outcome.Recommendations[0].Message);
        Assert.Equal(Profile, outcome.Recommendations[2].ModelId);
        Assert.Equal(180_000, outcome.Recommendations[2].Value);
    }

    [Fact]
    public async Task EscalateAsync_RequestsExhaustedWithoutRpmCap_RequestsNothingForRpm()
    {
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(10_000, peakRequests: 130), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Equal("Request an increase of L-22222222 from 100 to 217 in us-east-1: no cap is configured for it " +
            "(QUOTA_REQUEST_CAP_RPM or requestCapRpm), so DialControl does not request it",
            outcome.Recommendations[0].Message);
    }

    [Fact]
    public async Task EscalateAsync_RequestsExhaustedWithRpmCap_RequestsTheRpmQuota()
    {
        var ladder = Ladder(("QUOTA_REQUEST_CAP_RPM", "1000"));
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        await ladder.EscalateAsync(await AssessAsync(10_000, peakRequests: 130), _usage, default);

        Assert.Equal(["us-east-1 L-22222222 217"], _h.IncreaseRequests);
    }

    [Fact]
    public async Task Advise_Warning_SizesTheIncreaseWithoutAnyCall()
    {
        var ladder = Ladder();

        var outcome = ladder.Advise(await AssessAsync(85_000));

        Assert.Empty(_h.QuotaCalls);
        Assert.Empty(outcome.Actions);
        Assert.Equal([new QuotaRecommendation("RequestQuotaIncrease", "L-11111111 is 85% used; an increase to 141667 " +
            "would bring the peak (85000 per minute) to 60% before it is exhausted", Home, Model, Tpm, 141_667)],
            outcome.Recommendations);
    }

    [Theory]
    [InlineData(true, "RequestQuotaIncrease", "")]
    [InlineData(false, "RequestIncreaseThroughSupport", " through the limit increase form or AWS Support")]
    public async Task EscalateAsync_ZeroQuotaWithoutUsage_AsksForAValueInsteadOfSayingItWouldNotHelp(
        bool adjustable, string type, string how)
    {
        _h.QuotasIn(Home).Applied(Tpm, 0, adjustable);
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(0, peakRequests: 0, throttles: 3), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Empty(outcome.Actions);
        Assert.Equal(new QuotaRecommendation(type, "L-11111111 is 0 in us-east-1, so " +
            "anthropic.claude-sonnet-4-20250514-v1:0 cannot be invoked there, and no usage shows how large it " +
            $"should be: ask AWS{how} for the tokens per minute the model needs; DialControl does not guess a value",
            Home, Model, Tpm), outcome.Recommendations[0]);
        Assert.Equal(["AddAccount"], outcome.Recommendations.Skip(1).Select(r => r.Type));
    }

    [Fact]
    public async Task EscalateAsync_ThrottledWithNoUsageRecorded_SaysSoInAFullSentence()
    {
        var ladder = Ladder();
        Alternatives(westPeak: 95_000, profilePeak: 190_000);

        var outcome = await ladder.EscalateAsync(await AssessAsync(0, peakRequests: 0, throttles: 3), _usage, default);

        Assert.Empty(_h.IncreaseRequests);
        Assert.Equal(new QuotaRecommendation("NoIncrease", "there was no usage of " +
            "anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1 in the window to size an increase of L-11111111 " +
            "from, so none is requested", Home, Model, Tpm), outcome.Recommendations[0]);
    }
}
