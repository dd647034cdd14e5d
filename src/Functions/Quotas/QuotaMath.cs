namespace DialControl.Functions.Quotas;

/// <summary>The arithmetic of the quota decision, as pure functions with their own table tests.</summary>
internal static class QuotaMath
{
    /// <summary>Quota tokens one minute burns: input + output x burndown multiplier.</summary>
    public static double QuotaTokens(double inputTokens, double outputTokens, double outputMultiplier) =>
        inputTokens + (outputTokens * outputMultiplier);

    /// <summary>Peak usage as a percentage of the quota; null when the quota is 0 (nothing is allowed).</summary>
    public static double? UtilisationPercent(double peak, double quota) => quota > 0 ? peak * 100 / quota : null;

    /// <summary>
    /// The level: EXHAUSTED at any throttling, a quota of 0 or utilisation at or above 100%; WARNING at or
    /// above <paramref name="warningPercent"/>; else OK.
    /// </summary>
    public static QuotaLevel Classify(double? utilisationPercent, double throttles, double warningPercent)
    {
        if (throttles > 0 || utilisationPercent is null or >= 100)
        {
            return QuotaLevel.Exhausted;
        }

        return utilisationPercent >= warningPercent ? QuotaLevel.Warning : QuotaLevel.Ok;
    }

    /// <summary>
    /// Sizes an increase: the value at which <paramref name="peak"/> would be <paramref name="targetPercent"/>
    /// of the quota, rounded up, never above <paramref name="cap"/>.
    /// </summary>
    public static IncreaseSizing SizeIncrease(double peak, double current, double targetPercent, double? cap)
    {
        if (peak <= 0)
        {
            return new IncreaseSizing(IncreaseVerdict.NoUsage, 0, 0);
        }

        var wanted = Math.Ceiling(peak * 100 / targetPercent);
        if (wanted <= current)
        {
            return new IncreaseSizing(IncreaseVerdict.NotNeeded, wanted, wanted);
        }

        if (cap is null)
        {
            return new IncreaseSizing(IncreaseVerdict.NoCap, wanted, wanted);
        }

        if (cap <= current)
        {
            return new IncreaseSizing(IncreaseVerdict.CapNotAboveCurrent, wanted, cap.Value);
        }

        return wanted > cap
            ? new IncreaseSizing(IncreaseVerdict.Capped, wanted, cap.Value)
            : new IncreaseSizing(IncreaseVerdict.Request, wanted, wanted);
    }
}
