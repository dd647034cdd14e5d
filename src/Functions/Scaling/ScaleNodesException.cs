namespace DialControl.Functions.Scaling;

/// <summary>
/// An AWS call of the scale-nodes reaction failed after the SDK's retries (throttling and 5xx are
/// retried; anything else is not). The message names the resource, the event and the AWS error code;
/// Lambda's asynchronous retry delivers the event again, and the claim makes that safe.
/// </summary>
public sealed class ScaleNodesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScaleNodesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScaleNodesException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScaleNodesException(string message)
        : base(message)
    {
    }
}
