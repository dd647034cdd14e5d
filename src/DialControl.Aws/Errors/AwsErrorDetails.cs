namespace DialControl.Aws.Errors;

/// <summary>The parts of an AWS error response DialControl keeps; never the whole body.</summary>
/// <param name="ServiceId">The service that answered.</param>
/// <param name="Operation">The operation that was called.</param>
/// <param name="ErrorCode">The AWS error code, for example <c>ResourceInUseException</c>.</param>
/// <param name="Message">The service's message.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="RequestId">The AWS request id, when the service sent one.</param>
public sealed record AwsErrorDetails(
    string ServiceId,
    string Operation,
    string ErrorCode,
    string Message,
    int StatusCode,
    string? RequestId);
