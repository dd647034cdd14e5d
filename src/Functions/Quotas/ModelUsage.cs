namespace DialControl.Functions.Quotas;

/// <summary>
/// What CloudWatch saw of one <c>ModelId</c> in one region over the window, reduced to the figures the
/// quota decision needs. Peaks are per one-minute period, the unit of the TPM and RPM quotas.
/// </summary>
/// <param name="ModelId">The <c>ModelId</c> dimension.</param>
/// <param name="Region">The region.</param>
/// <param name="PeakComputedTokensPerMinute">Max over minutes of input + output x multiplier.</param>
/// <param name="PeakEstimatedTokensPerMinute">
/// Max over minutes of EstimatedTPMQuotaUsage; null when AWS emitted none.
/// </param>
/// <param name="PeakRequestsPerMinute">Max over minutes of Invocations.</param>
/// <param name="InputTokens">InputTokenCount summed over the window.</param>
/// <param name="OutputTokens">OutputTokenCount summed over the window.</param>
/// <param name="Invocations">Invocations summed over the window.</param>
/// <param name="Throttles">InvocationThrottles summed over the window.</param>
/// <param name="Problem">Why the figures cannot be trusted (CloudWatch answered Forbidden, ...), or null.</param>
internal sealed record ModelUsage(
    string ModelId,
    string Region,
    double PeakComputedTokensPerMinute,
    double? PeakEstimatedTokensPerMinute,
    double PeakRequestsPerMinute,
    double InputTokens,
    double OutputTokens,
    double Invocations,
    double Throttles,
    string? Problem = null)
{
    /// <summary>
    /// The peak tokens per minute charged against the TPM quota: the larger of DialControl's own count
    /// and AWS's EstimatedTPMQuotaUsage, which also counts cache writes and applies the burndown rate.
    /// </summary>
    public double PeakTokensPerMinute => Math.Max(PeakComputedTokensPerMinute, PeakEstimatedTokensPerMinute ?? 0);

    /// <summary>No traffic at all in the window.</summary>
    public static ModelUsage None(string modelId, string region) => new(modelId, region, 0, null, 0, 0, 0, 0, 0);
}
