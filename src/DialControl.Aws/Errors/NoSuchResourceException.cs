namespace DialControl.Aws.Errors;

/// <summary>Service Quotas knows no such quota, or the account has no request history for it.</summary>
public sealed class NoSuchResourceException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
