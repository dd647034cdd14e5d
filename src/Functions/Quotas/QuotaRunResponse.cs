namespace DialControl.Functions.Quotas;

/// <summary>What an invocation returns: the trigger, and per target what was found and done.</summary>
internal sealed class QuotaRunResponse
{
    /// <summary><c>evaluated</c> or <c>skipped</c>.</summary>
    public required string Status { get; init; }

    /// <summary><c>schedule</c>, <c>alarm</c> or <c>unknown</c>.</summary>
    public required string Trigger { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Why the event was skipped; null when it was evaluated.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<QuotaTargetResult> Results { get; init; } = [];

    /// <summary>Targets the trigger named that are not evaluated, with the reason.</summary>
    public IReadOnlyList<string> NotEvaluated { get; init; } = [];
}
