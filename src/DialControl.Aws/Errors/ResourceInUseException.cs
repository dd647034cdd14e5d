namespace DialControl.Aws.Errors;

/// <summary>The resource is busy, for example an EKS node group with an update in progress.</summary>
public sealed class ResourceInUseException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
