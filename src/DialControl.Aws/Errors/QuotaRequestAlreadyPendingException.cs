namespace DialControl.Aws.Errors;

/// <summary>
/// Service Quotas already has an open increase request for this quota (ResourceAlreadyExistsException).
/// </summary>
public sealed class QuotaRequestAlreadyPendingException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
