namespace DialControl.Aws.Errors;

/// <summary>The service rejected the request's parameters (a DialControl bug or bad configuration).</summary>
public sealed class InvalidInputException(AwsErrorDetails details, Exception? innerException = null)
    : AwsServiceException(details, innerException);
