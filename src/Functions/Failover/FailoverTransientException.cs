namespace DialControl.Functions.Failover;

/// <summary>
/// An AWS call was throttled, hit a 5xx, a network fault or a resource busy with another change.
/// The state machine retries exactly this error type (and Lambda's own service errors) with backoff,
/// so it must only wrap failures that a later attempt can clear.
/// </summary>
internal sealed class FailoverTransientException(string message, Exception? innerException = null)
    : Exception(message, innerException);
