namespace DialControl.Aws.Errors;

/// <summary>Route 53 is still applying an earlier change to the same hosted zone.</summary>
public sealed class PriorRequestNotCompleteException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
