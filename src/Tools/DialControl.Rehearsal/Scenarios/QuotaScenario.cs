using System.Globalization;
using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal.Scenarios;

/// <summary>
/// Bedrock throttles Claude at 96% of its tokens-per-minute quota: the flag goes to EXHAUSTED once,
/// an increase is requested (from the Service Quotas stand-in), and a second run announces nothing.
/// </summary>
internal static class QuotaScenario
{
    public const string Name = "quota";
    private const double QuotaTpm = 100_000;
    private const double InputPerMinute = 80_000;
    private const double OutputPerMinute = 16_000;

    public static async Task<ScenarioResult> RunAsync(RehearsalContext context)
    {
        var moto = context.Estate.MotoUrl;
        context.Quotas.SetQuota(Estate.TpmQuotaCode, QuotaTpm, QuotaTpm);
        context.Quotas.SetQuota(Estate.RpmQuotaCode, 500, 500);
        context.Timeline.Say(
            Name,
            $"Service Quotas is a local stand-in (moto has no Bedrock quotas): TPM quota {QuotaTpm:N0}, RPM 500",
            "stand-in");
        SeedUsage(moto);
        context.Timeline.Say(
            Name,
            $"{Estate.ModelId} used {InputPerMinute + OutputPerMinute:N0} tokens/min for 5 minutes, " +
            "4 requests throttled");
        EstateProbe.SetAlarmState(moto, Estate.Primary, Estate.BedrockAlarm, "ALARM", "InvocationThrottles above 0");
        var alarm = AlarmEvents.StateChange(Estate.Primary, Estate.BedrockAlarm, "AWS/Bedrock", "InvocationThrottles",
            new JsonObject { ["ModelId"] = Estate.ModelId }, 4, 0);

        var first = await context.InvokeAsync(context.PrimaryLambda, "BedrockQuota", alarm);
        context.Timeline.Say(Name, $"BedrockQuota answered: {ScaleScenario.Compact(first)}");
        var second = await context.InvokeAsync(context.PrimaryLambda, "BedrockQuota", alarm);
        context.Timeline.Say(Name, $"same alarm again; BedrockQuota answered: {ScaleScenario.Compact(second)}");

        var events = EstateProbe.DrainEvents(moto, Estate.Primary)
            .Where(e => e["detail-type"]?.GetValue<string>() == "Bedrock Quota Level Changed").ToList();
        var levels = events.Select(e => e["detail"]?["level"]?.GetValue<string>() ?? "?").ToList();
        var requests = context.Quotas.IncreaseRequests;
        foreach (var request in requests)
        {
            context.Timeline.Say(
                Name,
                $"stand-in received an increase request for {request["QuotaCode"]} to {request["DesiredValue"]}",
                "stand-in");
        }

        var passed = levels.SequenceEqual(["EXHAUSTED"]) && requests.Count == 1;
        return new ScenarioResult(Name, passed,
            "one 'Bedrock Quota Level Changed' event (EXHAUSTED) and one increase request",
            $"{events.Count} event(s) [{string.Join(", ", levels)}], {requests.Count} increase request(s)");
    }

    private static void SeedUsage(string moto)
    {
        var minute = DateTimeOffset.UtcNow;
        minute = new DateTimeOffset(
            minute.Year, minute.Month, minute.Day, minute.Hour, minute.Minute, 0, TimeSpan.Zero);
        var data = new List<object>();
        for (var ago = 1; ago <= 5; ago++)
        {
            var at = minute.AddMinutes(-ago).AddSeconds(30).ToString("O", CultureInfo.InvariantCulture);
            data.Add(Datum("InputTokenCount", InputPerMinute, at));
            data.Add(Datum("OutputTokenCount", OutputPerMinute, at));
            data.Add(Datum("Invocations", 120, at));
            data.Add(Datum("InvocationThrottles", ago == 1 ? 4 : 0, at));
        }

        Boto3.Call(moto, new Boto3Call("cloudwatch", "put_metric_data",
            new { Namespace = "AWS/Bedrock", MetricData = data }, Estate.Primary));
    }

    private static object Datum(string metric, double value, string at) => new
    {
        MetricName = metric,
        Dimensions = new[] { new { Name = "ModelId", Value = Estate.ModelId } },
        Timestamp = at,
        Value = value,
        Unit = "Count",
    };
}
