namespace DialControl.Functions.Failover;

/// <summary>
/// A step failed in a way retrying cannot fix (access denied, a missing node group or record, a
/// refused change). The message names the resource, the AWS error code and what a human should do.
/// </summary>
internal sealed class FailoverStepException(string message, Exception? innerException = null)
    : Exception(message, innerException);
