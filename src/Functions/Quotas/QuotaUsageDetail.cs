using System.Text.Json.Serialization;

namespace DialControl.Functions.Quotas;

/// <summary>The <c>usage</c> object of a level-change event: what CloudWatch saw in the window.</summary>
internal sealed class QuotaUsageDetail
{
    public double PeakTokensPerMinute { get; init; }

    public double PeakComputedTokensPerMinute { get; init; }

    /// <summary>Peak of AWS's EstimatedTPMQuotaUsage; null when AWS emitted none for the model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PeakEstimatedTokensPerMinute { get; init; }

    public double PeakRequestsPerMinute { get; init; }

    public double InputTokens { get; init; }

    public double OutputTokens { get; init; }

    public double Invocations { get; init; }

    public double Throttles { get; init; }

    public double OutputTokenMultiplier { get; init; }

    public int WindowMinutes { get; init; }
}
