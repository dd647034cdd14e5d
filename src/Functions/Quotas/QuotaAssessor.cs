using System.Globalization;

namespace DialControl.Functions.Quotas;

/// <summary>Turns quotas and usage into a level and its reason: a pure function of what was observed.</summary>
internal static class QuotaAssessor
{
    /// <summary>Assesses <paramref name="target"/> from its usage and quotas.</summary>
    public static QuotaAssessment Assess(QuotaTarget target, ModelUsage usage, AppliedQuota tpm, AppliedQuota? rpm,
        double warningPercent, int windowMinutes)
    {
        var tpmUse = Use(QuotaKind.Tpm, tpm, usage.PeakTokensPerMinute);
        var rpmUse = rpm is null ? null : Use(QuotaKind.Rpm, rpm, usage.PeakRequestsPerMinute);
        var binding = rpmUse is not null && rpmUse.SortKey > tpmUse.SortKey ? rpmUse : tpmUse;
        var level = QuotaMath.Classify(binding.UtilisationPercent, usage.Throttles, warningPercent);
        var reason = Explain(binding, usage, level, warningPercent, windowMinutes);
        return new QuotaAssessment(target, usage, tpmUse, rpmUse, level, reason);
    }

    /// <summary>How one quota is used at <paramref name="peak"/>.</summary>
    public static QuotaUse Use(QuotaKind kind, AppliedQuota quota, double peak) =>
        new(kind, quota, peak, QuotaMath.UtilisationPercent(peak, quota.Value));

    private static string Explain(QuotaUse binding, ModelUsage usage, QuotaLevel level, double warning, int minutes)
    {
        var unit = binding.Kind == QuotaKind.Tpm ? "tokens" : "requests";
        var source = binding.Quota.IsDefault ? "AWS default" : "applied";
        var quota = $"{binding.Kind.ToString().ToUpperInvariant()} quota {binding.Quota.Code} " +
            $"({N(binding.Quota.Value)} {unit} per minute, {source})";
        if (binding.UtilisationPercent is null)
        {
            return $"{quota} is 0 in {usage.Region}: the model cannot be invoked there";
        }

        var used = $"peak {N(binding.Peak)} {unit} per minute is {P(binding.UtilisationPercent.Value)} of {quota}";
        if (usage.Throttles > 0)
        {
            return $"{N(usage.Throttles)} throttled invocations in the last {minutes} minutes; {used}";
        }

        return level switch
        {
            QuotaLevel.Exhausted => $"{used}: at or above 100%",
            QuotaLevel.Warning => $"{used}: at or above the {P(warning)} warning threshold",
            _ => $"{used}: below the {P(warning)} warning threshold",
        };
    }

    /// <summary>A number as logs and messages show it.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage as logs and messages show it.</summary>
    public static string P(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
