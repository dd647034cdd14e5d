namespace DialControl.Functions.Failover;

/// <summary>What the FailoverTrigger returns: whether it started a failover, and why (not).</summary>
internal sealed class TriggerOutput
{
    /// <summary>started or skipped.</summary>
    public required string Decision { get; init; }

    /// <summary>Why, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>The incident's execution name, once known.</summary>
    public string? ExecutionName { get; init; }

    /// <summary>The started execution.</summary>
    public string? ExecutionArn { get; init; }
}
