namespace DialControl.Functions.Quotas;

/// <summary>Builds the level-change event detail from an assessment and what the ladder did.</summary>
internal static class QuotaDetailBuilder
{
    /// <summary>
    /// The detail announcing <paramref name="assessment"/>'s level after <paramref name="previous"/>.
    /// </summary>
    public static QuotaLevelChangedDetail Build(QuotaAssessment assessment, QuotaLevel? previous,
        EscalationOutcome outcome, bool dryRun, UsageWindow window, DateTimeOffset observedAt)
    {
        var binding = assessment.Binding;
        var usage = assessment.Usage;
        return new QuotaLevelChangedDetail
        {
            ModelId = assessment.Target.ModelId,
            Region = assessment.Target.Region,
            Level = assessment.Level.ToWire(),
            PreviousLevel = previous?.ToWire(),
            DryRun = dryRun,
            Reason = assessment.Reason,
            QuotaCode = binding.Quota.Code,
            QuotaName = binding.Quota.Name,
            QuotaValue = binding.Quota.Value,
            UtilisationPercent = Round(binding.UtilisationPercent),
            Usage = new QuotaUsageDetail
            {
                PeakTokensPerMinute = usage.PeakTokensPerMinute,
                PeakComputedTokensPerMinute = usage.PeakComputedTokensPerMinute,
                PeakEstimatedTokensPerMinute = usage.PeakEstimatedTokensPerMinute,
                PeakRequestsPerMinute = usage.PeakRequestsPerMinute,
                InputTokens = usage.InputTokens,
                OutputTokens = usage.OutputTokens,
                Invocations = usage.Invocations,
                Throttles = usage.Throttles,
                OutputTokenMultiplier = assessment.Target.Model.OutputTokenMultiplier,
                WindowMinutes = (int)(window.End - window.Start).TotalMinutes,
            },
            Quotas = [.. assessment.Uses.Select(Quota)],
            Actions = outcome.Actions,
            Recommendations = outcome.Recommendations,
            WindowStart = window.Start,
            WindowEnd = window.End,
            ObservedAt = observedAt,
        };
    }

    private static QuotaValueDetail Quota(QuotaUse use) => new()
    {
        Kind = use.Kind.ToString().ToUpperInvariant(),
        QuotaCode = use.Quota.Code,
        QuotaName = use.Quota.Name,
        Value = use.Quota.Value,
        IsDefault = use.Quota.IsDefault,
        Adjustable = use.Quota.Adjustable,
        Peak = use.Peak,
        UtilisationPercent = Round(use.UtilisationPercent),
    };

    /// <summary>Two decimals are enough for a percentage and keep the JSON readable.</summary>
    public static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 2);
}
