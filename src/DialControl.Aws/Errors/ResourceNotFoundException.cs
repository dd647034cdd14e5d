namespace DialControl.Aws.Errors;

/// <summary>
/// The named resource does not exist (EKS cluster or node group, Step Functions execution or state machine, ...).
/// </summary>
public sealed class ResourceNotFoundException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
