namespace DialControl.Aws.Errors;

/// <summary>The service throttled the call (after AWSSDK.Core's retries were spent).</summary>
public sealed class ThrottlingException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
