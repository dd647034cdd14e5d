namespace DialControl.Functions.Quotas;

/// <summary>The outcome of sizing an increase (<see cref="QuotaMath.SizeIncrease"/>).</summary>
internal enum IncreaseVerdict
{
    /// <summary>Request the wanted value.</summary>
    Request,

    /// <summary>Request the cap: the wanted value is above it.</summary>
    Capped,

    /// <summary>No usage in the window to size from.</summary>
    NoUsage,

    /// <summary>The wanted value is not above the current quota: an increase would not help.</summary>
    NotNeeded,

    /// <summary>No cap is configured for this quota, so nothing is requested.</summary>
    NoCap,

    /// <summary>The cap is not above the current value, so nothing is requested.</summary>
    CapNotAboveCurrent,
}
