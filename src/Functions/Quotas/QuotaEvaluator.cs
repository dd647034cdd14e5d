using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Quotas;

/// <summary>
/// One run over a set of targets: reads usage (one GetMetricData call per region), reads quotas,
/// assesses each target, emits its metrics, and announces and escalates only level changes.
/// </summary>
internal sealed class QuotaEvaluator
{
    private readonly BedrockQuotaOptions _options;
    private readonly QuotaServices _services;
    private readonly TimeProvider _time;
    private readonly IMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates the evaluator.</summary>
    public QuotaEvaluator(
        BedrockQuotaOptions options, QuotaServices services, TimeProvider time, IMetrics metrics, ILogger logger)
    {
        _options = options;
        _services = services;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Evaluates <paramref name="targets"/>; failures of one target do not stop the others.</summary>
    public async Task<IReadOnlyList<TargetOutcome>> EvaluateAsync(
        IReadOnlyList<QuotaTarget> targets, CancellationToken cancellationToken)
    {
        var window = UsageWindow.EndingAt(_time.GetUtcNow(), _options.WindowMinutes);
        var quotas = new QuotaReader(_services.ServiceQuotas);
        var (usage, regionFailures) = await ReadUsageAsync(targets, window, cancellationToken);
        var run = new QuotaTransition(_options, _services, quotas, _time, _logger);
        var outcomes = new List<TargetOutcome>();
        foreach (var target in targets)
        {
            outcomes.Add(regionFailures.TryGetValue(target.Region, out var failure)
                ? Failed(target, failure, $"reading AWS/Bedrock metrics in {target.Region} failed: {failure.Message}")
                : await EvaluateAsync(target, usage, quotas, run, window, cancellationToken));
        }

        return outcomes;
    }

    private async Task<TargetOutcome> EvaluateAsync(QuotaTarget target, UsageBook usage, QuotaReader quotas,
        QuotaTransition run, UsageWindow window, CancellationToken cancellationToken)
    {
        var seen = usage.Get(target.Region, target.ModelId);
        if (seen.Problem is not null)
        {
            return Failed(target, null, seen.Problem);
        }

        QuotaAssessment assessment;
        try
        {
            var tpm = await quotas.ReadAsync(target.Region, target.Model.TpmCodeIn(target.Region), cancellationToken);
            var rpmCode = target.Model.RpmCodeIn(target.Region);
            var rpm = rpmCode is null ? null : await quotas.ReadAsync(target.Region, rpmCode, cancellationToken);
            assessment = QuotaAssessor.Assess(target, seen, tpm, rpm, _options.WarningPercent, _options.WindowMinutes);
        }
        catch (QuotaCodeUnknownException e)
        {
            QuotaLog.TargetFailed(_logger, null, target.ModelId, target.Region, e.Message);
            return new TargetOutcome(target, null, null, false, EscalationOutcome.None, e.Message, Retryable: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(target, e, $"reading its quotas from Service Quotas failed: {e.Message}");
        }

        var level = assessment.Level.ToWire();
        QuotaLog.Assessed(_logger, target.ModelId, target.Region, level, assessment.Reason, seen.Throttles,
            _options.DryRun);
        Emit(assessment);
        return await run.ApplyAsync(assessment, usage, window, cancellationToken);
    }

    private async Task<(UsageBook Usage, Dictionary<string, Exception> Failures)> ReadUsageAsync(
        IReadOnlyList<QuotaTarget> targets, UsageWindow window, CancellationToken cancellationToken)
    {
        var reader = new BedrockUsageReader(_services.CloudWatch);
        var book = new UsageBook();
        var failures = new Dictionary<string, Exception>(StringComparer.Ordinal);
        foreach (var (region, models) in ModelsByRegion(targets))
        {
            try
            {
                book.Add(region, await reader.ReadAsync(region, models, window, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures[region] = e;
                book.Fail(region, $"reading AWS/Bedrock metrics in {region} failed: {e.Message}");
            }
        }

        return (book, failures);
    }

    /// <summary>Every <c>ModelId</c> to read per region: the targets and, for the ladder, their alternatives.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ModelsByRegion(
        IReadOnlyList<QuotaTarget> targets)
    {
        var byRegion = new SortedDictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        void Add(string region, string modelId, double multiplier)
        {
            if (!byRegion.TryGetValue(region, out var models))
            {
                byRegion[region] = models = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            models[modelId] = Math.Max(multiplier, models.GetValueOrDefault(modelId));
        }

        foreach (var target in targets)
        {
            Add(target.Region, target.ModelId, target.Model.OutputTokenMultiplier);
            foreach (var alternative in target.Model.Alternatives)
            {
                Add(alternative.RegionFrom(target.Region), alternative.ModelIdFor(target.Model),
                    target.Model.OutputTokenMultiplier);
            }
        }

        return byRegion.ToDictionary(
            p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value, StringComparer.Ordinal);
    }

    private void Emit(QuotaAssessment assessment)
    {
        var target = assessment.Target;
        foreach (var use in assessment.Uses.Where(u => u.UtilisationPercent is not null))
        {
            _metrics.Emit(new MetricPoint("BedrockQuotaUtilisation", use.UtilisationPercent!.Value, "Percent",
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ModelId"] = target.ModelId,
                    ["Region"] = target.Region,
                    ["Quota"] = use.Kind.ToString().ToUpperInvariant(),
                }));
        }

        _metrics.Emit(new MetricPoint("BedrockQuotaLevel", (int)assessment.Level, "None",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ModelId"] = target.ModelId,
                ["Region"] = target.Region,
            }));
    }

    private TargetOutcome Failed(QuotaTarget target, Exception? exception, string reason)
    {
        QuotaLog.TargetFailed(_logger, exception, target.ModelId, target.Region, reason);
        return new TargetOutcome(target, null, null, false, EscalationOutcome.None, reason, Retryable: true);
    }
}
