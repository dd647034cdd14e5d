namespace DialControl.Functions.Quotas;

/// <summary>How close a model is to its quota in one region. The order matters: higher is worse.</summary>
internal enum QuotaLevel
{
    /// <summary>Below the warning threshold and no throttling in the window.</summary>
    Ok = 0,

    /// <summary>At or above the warning threshold (default 80%).</summary>
    Warning = 1,

    /// <summary>At or above 100% of a quota, a quota of 0, or any throttled invocation in the window.</summary>
    Exhausted = 2,
}
