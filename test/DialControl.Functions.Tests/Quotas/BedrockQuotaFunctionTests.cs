using DialControl.Aws.Errors;
using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using Microsoft.Extensions.Logging;
using Xunit;
using static DialControl.Functions.Tests.Quotas.Support.QuotaHarness;

namespace DialControl.Functions.Tests.Quotas;

public sealed class BedrockQuotaFunctionTests
{
    private readonly QuotaHarness _h = new();

    private static QuotaLevelKey LiveKey => new(Home, Model, DryRun: false);

    /// <summary>60,000 in + 10,000 out x 5 = 110,000 tokens per minute: 110% of the TPM quota.</summary>
    private void Exhausting() => _h.Traffic(Home, Model, input: 60_000, output: 10_000);

    [Fact]
    public async Task InvokeAsync_BelowWarningFirstTime_RecordsOkAnnouncesNothingEmitsMetrics()
    {
        _h.Traffic(Home, Model, input: 2_000, output: 1_000);

        var response = await _h.InvokeAsync(ScheduledEvent);

        Assert.Equal("evaluated", response["status"]!.GetValue<string>());
        Assert.Equal("OK", response["results"]![0]!["level"]!.GetValue<string>());
        Assert.Empty(_h.Events.Entries);
        Assert.Empty(_h.Sns.Published);
        Assert.Equal(QuotaLevel.Ok, _h.Levels.Items[LiveKey].Level);
        Assert.Equal(["BedrockQuotaUtilisation TPM 7", "BedrockQuotaUtilisation RPM 10", "BedrockQuotaLevel  0"],
            _h.Metrics.Points.Select(p => $"{p.Name} {p.Dimensions.GetValueOrDefault("Quota")} {p.Value}"));
        Assert.Equal(Model, _h.Metrics.Points[0].Dimensions["ModelId"]);
        Assert.Equal(Home, _h.Metrics.Points[0].Dimensions["Region"]);
    }

    [Fact]
    public async Task InvokeAsync_Exhausted_PublishesOneEventAndOneSnsMessage()
    {
        Exhausting();

        await _h.InvokeAsync(ScheduledEvent);

        var entry = Assert.Single(_h.Events.Entries);
        Assert.Equal("dialcontrol", entry.Source);
        Assert.Equal("Bedrock Quota Level Changed", entry.DetailType);
        Assert.Equal("default", entry.EventBusName);
        Assert.Equal(["arn:aws:servicequotas:us-east-1:123456789012:bedrock/L-11111111"], entry.Resources);
        var detail = _h.Detail(0);
        Assert.Equal(Model, detail["modelId"]!.GetValue<string>());
        Assert.Equal(Home, detail["region"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", detail["level"]!.GetValue<string>());
        Assert.Null(detail["previousLevel"]);
        Assert.True(detail.ContainsKey("previousLevel"));
        Assert.False(detail["dryRun"]!.GetValue<bool>());
        Assert.Equal(Tpm, detail["quotaCode"]!.GetValue<string>());
        Assert.Equal(100_000, detail["quotaValue"]!.GetValue<double>());
        Assert.Equal(110, detail["utilisationPercent"]!.GetValue<double>());
        Assert.Equal(110_000, detail["usage"]!["peakTokensPerMinute"]!.GetValue<double>());
        Assert.Equal(5, detail["usage"]!["outputTokenMultiplier"]!.GetValue<double>());
        Assert.Equal(["TPM", "RPM"], detail["quotas"]!.AsArray().Select(q => q!["kind"]!.GetValue<string>()));
        Assert.Empty(detail["actions"]!.AsArray());
        Assert.Equal(["RequestQuotaIncrease", "UseAlternative", "UseAlternative"],
            detail["recommendations"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()));
        var message = Assert.Single(_h.Sns.Published);
        Assert.Equal(Topic, message.TopicArn);
        Assert.Equal("Bedrock quota EXHAUSTED: anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1", message.Subject);
        Assert.StartsWith("anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1 is EXHAUSTED (was not recorded).",
            message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SameLevelAgainAndAfterColdStart_AnnouncesOnlyOnce()
    {
        Exhausting();
        var warm = _h.Function();

        await _h.InvokeAsync(ScheduledEvent, warm);
        await _h.InvokeAsync(ScheduledEvent, warm);
        await _h.InvokeAsync(ScheduledEvent);
        await _h.InvokeAsync(AlarmEvent(Model));

        Assert.Single(_h.Events.Entries);
        Assert.Single(_h.Sns.Published);
        Assert.Equal(4, _h.Metrics.Points.Count(p => p.Name == "BedrockQuotaLevel"));
    }

    [Fact]
    public async Task InvokeAsync_ExhaustedThenRecovered_AnnouncesTheRecovery()
    {
        Exhausting();
        await _h.InvokeAsync(ScheduledEvent);
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        _h.CloudWatchIn(Home).Minute(Model, WindowStart.AddMinutes(11), input: 1_000, output: 100);

        var response = await _h.InvokeAsync(ScheduledEvent);

        Assert.Equal(2, _h.Events.Entries.Count);
        Assert.Equal("OK", _h.Detail(1)["level"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", _h.Detail(1)["previousLevel"]!.GetValue<string>());
        Assert.Empty(_h.Detail(1)["recommendations"]!.AsArray());
        Assert.True(response["results"]![0]!["announced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task InvokeAsync_Warning_AnnouncesWithTheSizedIncreaseAsAdvice()
    {
        _h.Traffic(Home, Model, input: 35_000, output: 10_000);

        await _h.InvokeAsync(ScheduledEvent);

        var detail = _h.Detail(0);
        Assert.Equal("WARNING", detail["level"]!.GetValue<string>());
        Assert.Equal("L-11111111 is 85% used; an increase to 141667 would bring the peak (85000 per minute) to 60% " +
            "before it is exhausted", detail["recommendations"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(_h.IncreaseRequests);
    }

    [Fact]
    public async Task InvokeAsync_AutoRequest_RequestsOnceAcrossRepeatsAndRelapses()
    {
        _h.Settings["QUOTA_AUTO_REQUEST"] = "true";
        _h.Settings["QUOTA_REQUEST_CAP_TPM"] = "1000000";
        Exhausting();

        await _h.InvokeAsync(ScheduledEvent);
        await _h.InvokeAsync(ScheduledEvent);
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await _h.InvokeAsync(ScheduledEvent);
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        for (var minute = 0; minute < 5; minute++)
        {
            _h.CloudWatchIn(Home).Minute(Model, WindowStart.AddMinutes(20 + minute), 60_000, 10_000);
        }

        await _h.InvokeAsync(ScheduledEvent);

        Assert.Equal(["us-east-1 L-11111111 183334"], _h.IncreaseRequests);
        Assert.Equal(["EXHAUSTED", "OK", "EXHAUSTED"], _h.Events.Entries.Select((_, i) =>
            _h.Detail(i)["level"]!.GetValue<string>()));
        Assert.Equal("QuotaIncreaseRequested", _h.Detail(0)["actions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("IncreaseRequestOpen", _h.Detail(2)["recommendations"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_DryRun_AnnouncesMarkedDryRunAndRequestsNothing()
    {
        _h.Settings["DRY_RUN"] = "true";
        _h.Settings["QUOTA_AUTO_REQUEST"] = "true";
        _h.Settings["QUOTA_REQUEST_CAP_TPM"] = "1000000";
        Exhausting();

        var response = await _h.InvokeAsync(ScheduledEvent);

        Assert.True(response["dryRun"]!.GetValue<bool>());
        Assert.Empty(_h.IncreaseRequests);
        var detail = _h.Detail(0);
        Assert.True(detail["dryRun"]!.GetValue<bool>());
        Assert.True(detail["actions"]![0]!["dryRun"]!.GetValue<bool>());
        Assert.Equal("Dry run: would request an increase of L-11111111 from 100000 to 183334",
            detail["actions"]![0]!["message"]!.GetValue<string>());
        Assert.StartsWith("[DRY RUN] Bedrock quota EXHAUSTED", _h.Sns.Published[0].Subject, StringComparison.Ordinal);
        Assert.Contains(_h.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message == "Dry run: would request an " +
            "increase of L-11111111 in us-east-1 from 100000 to 183334; nothing was requested");
        Assert.False(_h.Levels.Items.ContainsKey(LiveKey));
        Assert.True(_h.Levels.Items.ContainsKey(LiveKey with { DryRun = true }));
    }

    [Fact]
    public async Task InvokeAsync_DryRunTurnedOff_AnnouncesTheRealStateOnce()
    {
        _h.Settings["DRY_RUN"] = "true";
        Exhausting();
        await _h.InvokeAsync(ScheduledEvent);
        _h.Settings["DRY_RUN"] = "false";

        await _h.InvokeAsync(ScheduledEvent);
        await _h.InvokeAsync(ScheduledEvent);

        Assert.Equal([true, false], _h.Events.Entries.Select((_, i) => _h.Detail(i)["dryRun"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task InvokeAsync_OtherDeliveryRecordedTheChangeFirst_AnnouncesNothing()
    {
        _h.Settings["QUOTA_AUTO_REQUEST"] = "true";
        _h.Settings["QUOTA_REQUEST_CAP_TPM"] = "1000000";
        Exhausting();
        _h.Levels.BeforeWrite = key => _h.Levels.Items[key] =
            new StoredQuotaLevel(QuotaLevel.Exhausted, Now, 110, Tpm);

        var response = await _h.InvokeAsync(ScheduledEvent);

        Assert.Empty(_h.Events.Entries);
        Assert.Empty(_h.IncreaseRequests);
        Assert.False(response["results"]![0]!["announced"]!.GetValue<bool>());
        Assert.Contains(_h.Logs.Lines, l => l.Message == "anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1: " +
            "another invocation already recorded the change to EXHAUSTED; not announcing it twice");
    }

    [Fact]
    public async Task InvokeAsync_EventRejected_PutsTheLevelBackFailsAndTheRetryAnnounces()
    {
        Exhausting();
        _h.Events.RejectWith = "InternalFailure";

        var error = await Assert.ThrowsAsync<QuotaRunException>(() => _h.InvokeAsync(ScheduledEvent));

        Assert.Equal("1 Bedrock quota target(s) failed: anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1: " +
            "announcing the change to EXHAUSTED failed: EventBridge did not accept the Bedrock Quota Level Changed " +
            "event for anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1 on bus default: InternalFailure: " +
            "rejected by the fake", error.Message);
        Assert.False(_h.Levels.Items.ContainsKey(LiveKey));
        Assert.Empty(_h.Sns.Published);

        _h.Events.RejectWith = null;
        await _h.InvokeAsync(ScheduledEvent);

        Assert.Single(_h.Events.Entries);
        Assert.Equal(QuotaLevel.Exhausted, _h.Levels.Items[LiveKey].Level);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"source": "aws.s3", "detail-type": "Object Created", "detail": {}}""")]
    [InlineData("""{"source": "aws.cloudwatch", "detail-type": "CloudWatch Alarm State Change", "detail": {}}""")]
    public async Task InvokeAsync_BadInput_SkipsWithAReasonAndTouchesNothing(string payload)
    {
        var response = await _h.InvokeAsync(payload);

        Assert.Equal("skipped", response["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(response["reason"]!.GetValue<string>()));
        Assert.Empty(_h.QuotaCalls);
        Assert.Empty(_h.CloudWatchIn(Home).Requests);
        Assert.Empty(_h.Events.Entries);
        Assert.Equal(0, _h.Levels.Writes);
        Assert.Contains(_h.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Skipped the event: ",
            StringComparison.Ordinal) && l.Message.EndsWith("Nothing was read or changed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_AlarmForAnUnlistedModel_SkipsNamingTheModel()
    {
        var response = await _h.InvokeAsync(AlarmEvent("meta.llama3-70b-instruct-v1:0"));

        Assert.Equal("skipped", response["status"]!.GetValue<string>());
        Assert.Equal("alarm bedrock-throttles is about ModelId meta.llama3-70b-instruct-v1:0, which BEDROCK_MODELS " +
            "does not list", response["reason"]!.GetValue<string>());
        Assert.Empty(_h.CloudWatchIn(Home).Requests);
    }

    [Fact]
    public async Task InvokeAsync_AlarmInAnUnwatchedRegion_SkipsNamingTheRegions()
    {
        var response = await _h.InvokeAsync(AlarmEvent(Model, region: "eu-west-1"));

        Assert.Equal("alarm bedrock-throttles is in eu-west-1, but anthropic.claude-sonnet-4-20250514-v1:0 is " +
            "watched only in us-east-1", response["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_Alarm_ReadsOneGetMetricDataPerRegionIncludingAlternatives()
    {
        _h.Traffic(Home, Model, input: 2_000, output: 1_000, invocations: 10, throttles: 3);

        var response = await _h.InvokeAsync(AlarmEvent(Model));

        Assert.Equal("alarm", response["trigger"]!.GetValue<string>());
        Assert.Equal("EXHAUSTED", response["results"]![0]!["level"]!.GetValue<string>());
        var home = Assert.Single(_h.CloudWatchIn(Home).Requests);
        Assert.Equal(10, home.MetricDataQueries.Count);
        Assert.Single(_h.CloudWatchIn(West).Requests);
    }

    [Fact]
    public async Task InvokeAsync_UnknownQuotaCode_ReportsTheTargetWithoutFailingTheRun()
    {
        _h.Settings["BEDROCK_MODELS"] = ModelsJson().Replace(Tpm, "L-99999999", StringComparison.Ordinal);

        var response = await _h.InvokeAsync(ScheduledEvent);

        Assert.StartsWith("Service Quotas knows no applied or default value for bedrock quota L-99999999 in us-east-1",
            response["results"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_h.Events.Entries);
        Assert.Contains(_h.Logs.Lines, l => l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task InvokeAsync_ServiceQuotasDeniesAccess_FailsNamingTheTargetAndTheError()
    {
        _h.QuotasIn(Home).FailWith = new AccessDeniedException(new AwsErrorDetails("Service Quotas",
            "GetServiceQuota", "AccessDeniedException", "not authorized", 400, "req-9"));

        var error = await Assert.ThrowsAsync<QuotaRunException>(() => _h.InvokeAsync(ScheduledEvent));

        Assert.Equal("1 Bedrock quota target(s) failed: anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1: " +
            "reading its quotas from Service Quotas failed: Service Quotas GetServiceQuota failed with " +
            "AccessDeniedException (HTTP 400, request id req-9): not authorized", error.Message);
        Assert.Empty(_h.Events.Entries);
    }

    [Fact]
    public async Task InvokeAsync_AlternativeRegionUnreadable_DoesNotRecommendIt()
    {
        Exhausting();
        _h.CloudWatchIn(West).FailWith = new HttpRequestException("connection refused");

        await _h.InvokeAsync(ScheduledEvent);

        var recommendations = _h.Detail(0)["recommendations"]!.AsArray();
        Assert.Equal(["RequestQuotaIncrease", "UseAlternative"],
            recommendations.Select(r => r!["type"]!.GetValue<string>()));
        Assert.Equal(Profile, recommendations[1]!["modelId"]!.GetValue<string>());
        Assert.Contains(_h.Logs.Lines, l => l.Message == "Alternative anthropic.claude-sonnet-4-20250514-v1:0 in " +
            "us-west-2 was not considered: reading AWS/Bedrock metrics in us-west-2 failed: connection refused");
    }

    [Fact]
    public async Task InvokeAsync_MetricsUnreadable_FailsNamingTheRegionAndAnnouncesNothing()
    {
        _h.CloudWatchIn(Home).FailWith = new HttpRequestException("connection refused");

        var error = await Assert.ThrowsAsync<QuotaRunException>(() => _h.InvokeAsync(ScheduledEvent));

        Assert.Equal("1 Bedrock quota target(s) failed: anthropic.claude-sonnet-4-20250514-v1:0 in us-east-1: " +
            "reading AWS/Bedrock metrics in us-east-1 failed: connection refused", error.Message);
        Assert.Empty(_h.Events.Entries);
        Assert.Equal(0, _h.Levels.Writes);
    }
}
