namespace DialControl.Aws.Errors;

/// <summary>A Step Functions execution of the same name already exists with other input.</summary>
public sealed class ExecutionAlreadyExistsException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
