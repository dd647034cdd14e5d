using System.Text.Json.Serialization;

namespace DialControl.Functions.Quotas;

/// <summary>
/// The <c>detail</c> of the EventBridge event <c>Bedrock Quota Level Changed</c> (source
/// <c>dialcontrol</c>); docs/bedrock-quota.md documents every field. The top-level quota fields name
/// the binding quota, the one closest to or furthest past its limit.
/// </summary>
internal sealed class QuotaLevelChangedDetail
{
    /// <summary>Bumped when a field changes meaning or goes away.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required string ModelId { get; init; }

    public required string Region { get; init; }

    public required string Level { get; init; }

    /// <summary>The level announced before; null when the model was never recorded before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousLevel { get; init; }

    /// <summary>True when DRY_RUN is on: the actions were not taken.</summary>
    public bool DryRun { get; init; }

    public required string Reason { get; init; }

    public required string QuotaCode { get; init; }

    public string? QuotaName { get; init; }

    public double QuotaValue { get; init; }

    /// <summary>Binding quota's peak use over its value, in percent; null when the quota is 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? UtilisationPercent { get; init; }

    public required QuotaUsageDetail Usage { get; init; }

    public required IReadOnlyList<QuotaValueDetail> Quotas { get; init; }

    public required IReadOnlyList<EscalationAction> Actions { get; init; }

    public required IReadOnlyList<QuotaRecommendation> Recommendations { get; init; }

    public DateTimeOffset WindowStart { get; init; }

    public DateTimeOffset WindowEnd { get; init; }

    public DateTimeOffset ObservedAt { get; init; }
}
