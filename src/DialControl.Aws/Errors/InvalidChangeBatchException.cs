namespace DialControl.Aws.Errors;

/// <summary>
/// Route 53 rejected a change batch, for example an UPSERT that names a missing alias target. The batch
/// was applied not at all; <see cref="Messages"/> says what was wrong with each rejected change.
/// </summary>
public sealed class InvalidChangeBatchException : AwsServiceException
{
    /// <summary>Creates the exception when only the error code and message are known.</summary>
    public InvalidChangeBatchException(AwsErrorDetails details, Exception? innerException = null)
        : this(details, [], innerException)
    {
    }

    /// <summary>Creates the exception with Route 53's messages, one per rejected change.</summary>
    public InvalidChangeBatchException(
        AwsErrorDetails details, IReadOnlyList<string> messages, Exception? innerException = null)
        : base(details, innerException)
    {
        Messages = messages ?? [];
    }

    /// <summary>
    /// Route 53's messages, for example <c>Tried to delete resource record set ... but it was not found</c>.
    /// </summary>
    public IReadOnlyList<string> Messages { get; }
}
