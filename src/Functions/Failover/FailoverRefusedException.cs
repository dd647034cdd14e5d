namespace DialControl.Functions.Failover;

/// <summary>
/// Another failover execution is already running, so this one stops before changing anything.
/// </summary>
internal sealed class FailoverRefusedException(string message) : Exception(message);
