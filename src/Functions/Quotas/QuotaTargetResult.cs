namespace DialControl.Functions.Quotas;

/// <summary>One target's outcome in an invocation's response.</summary>
internal sealed class QuotaTargetResult
{
    public required string ModelId { get; init; }

    public required string Region { get; init; }

    /// <summary>The level measured; null when the target could not be evaluated.</summary>
    public string? Level { get; init; }

    public string? PreviousLevel { get; init; }

    /// <summary>Whether this invocation announced a level change.</summary>
    public bool Announced { get; init; }

    public double? UtilisationPercent { get; init; }

    public string? QuotaCode { get; init; }

    public IReadOnlyList<EscalationAction> Actions { get; init; } = [];

    public IReadOnlyList<QuotaRecommendation> Recommendations { get; init; } = [];

    /// <summary>Why the target could not be evaluated or announced; null on success.</summary>
    public string? Error { get; init; }
}
