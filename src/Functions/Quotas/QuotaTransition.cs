using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Compares a target's measured level with the recorded one and, only when they differ, claims the
/// change in the level store, climbs the ladder (entering EXHAUSTED) and announces. A claim whose
/// announcement fails is undone, so the next run tries again; a lost claim means another delivery of
/// the same change already announced it.
/// </summary>
internal sealed class QuotaTransition
{
    private readonly BedrockQuotaOptions _options;
    private readonly QuotaServices _services;
    private readonly QuotaEscalation _escalation;
    private readonly QuotaAnnouncer _announcer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the transition step of one run.</summary>
    public QuotaTransition(
        BedrockQuotaOptions options, QuotaServices services, QuotaReader quotas, TimeProvider time, ILogger logger)
    {
        _options = options;
        _services = services;
        _escalation = new QuotaEscalation(options, quotas, services.ServiceQuotas, time, logger);
        _announcer = new QuotaAnnouncer(services.Events, services.Sns, options);
        _time = time;
        _logger = logger;
    }

    /// <summary>Records and announces <paramref name="assessment"/>'s level if it changed.</summary>
    public async Task<TargetOutcome> ApplyAsync(
        QuotaAssessment assessment, UsageBook usage, UsageWindow window, CancellationToken cancellationToken)
    {
        var target = assessment.Target;
        var key = QuotaLevelKey.For(target, _options.DryRun);
        var stored = await _services.Levels.GetAsync(key, cancellationToken);
        var now = _time.GetUtcNow();
        var next = new StoredQuotaLevel(assessment.Level, now, assessment.Binding.UtilisationPercent,
            assessment.Binding.Quota.Code);

        // A target seen for the first time is taken to have been OK: only a problem is news.
        if (assessment.Level == (stored?.Level ?? QuotaLevel.Ok))
        {
            if (stored is null)
            {
                await _services.Levels.TryRecordAsync(key, next, null, cancellationToken);
            }
            else
            {
                var unchanged = stored.Level.ToWire();
                QuotaLog.LevelUnchanged(_logger, target.ModelId, target.Region, unchanged, stored.ChangedAt);
            }

            return new TargetOutcome(target, assessment, stored?.Level, false, EscalationOutcome.None, null);
        }

        if (!await _services.Levels.TryRecordAsync(key, next, stored?.Level, cancellationToken))
        {
            var claimed = assessment.Level.ToWire();
            QuotaLog.ChangeAlreadyRecorded(_logger, target.ModelId, target.Region, claimed);
            return new TargetOutcome(target, assessment, stored?.Level, false, EscalationOutcome.None, null);
        }

        return await AnnounceAsync(assessment, stored, usage, window, now, cancellationToken);
    }

    private async Task<TargetOutcome> AnnounceAsync(QuotaAssessment assessment, StoredQuotaLevel? stored,
        UsageBook usage, UsageWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = assessment.Target;
        try
        {
            var escalation = assessment.Level switch
            {
                QuotaLevel.Exhausted => await _escalation.EscalateAsync(assessment, usage, cancellationToken),
                QuotaLevel.Warning => _escalation.Advise(assessment),
                _ => EscalationOutcome.None,
            };
            var detail = QuotaDetailBuilder.Build(assessment, stored?.Level, escalation, _options.DryRun, window, now);
            await _announcer.AnnounceAsync(detail, assessment.Binding.Quota.Arn, cancellationToken);
            QuotaLog.LevelChanged(_logger, target.ModelId, target.Region, stored?.Level.ToWire() ?? "none",
                assessment.Level.ToWire(), _options.DryRun);
            return new TargetOutcome(target, assessment, stored?.Level, true, escalation, null);
        }
        catch (Exception e)
        {
            // Undo the claim even when the invocation is running out of time: an unannounced change
            // left recorded would never be announced.
            QuotaLog.AnnouncementFailed(_logger, e, target.ModelId, target.Region, assessment.Level.ToWire(),
                stored?.Level.ToWire() ?? "none");
            await _services.Levels.RestoreAsync(QuotaLevelKey.For(target, _options.DryRun), stored, assessment.Level,
                CancellationToken.None);
            if (e is OperationCanceledException)
            {
                throw;
            }

            return new TargetOutcome(target, assessment, stored?.Level, false, EscalationOutcome.None,
                $"announcing the change to {assessment.Level.ToWire()} failed: {e.Message}", Retryable: true);
        }
    }
}
