namespace DialControl.Aws.Errors;

/// <summary>Route 53 rejected a change batch, for example an UPSERT that names a missing alias target.</summary>
public sealed class InvalidChangeBatchException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
