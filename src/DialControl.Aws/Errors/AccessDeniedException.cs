namespace DialControl.Aws.Errors;

/// <summary>The caller's role is not allowed to make the call; the template's IAM statements need a look.</summary>
public sealed class AccessDeniedException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
