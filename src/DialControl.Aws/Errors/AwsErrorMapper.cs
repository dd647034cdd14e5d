using System.Collections.Frozen;

namespace DialControl.Aws.Errors;

/// <summary>
/// Turns an AWS error code into the exception type callers catch. Codes with the same meaning across
/// services (Route 53's NoSuchHostedZone, Step Functions' ExecutionDoesNotExist, EKS's
/// ResourceNotFoundException) share one type, so a reaction handles "not found" once.
/// </summary>
internal static class AwsErrorMapper
{
    private static readonly FrozenDictionary<string, Func<AwsErrorDetails, Exception?, AwsServiceException>> s_byCode =
        new Dictionary<string, Func<AwsErrorDetails, Exception?, AwsServiceException>>(StringComparer.Ordinal)
        {
            ["ThrottlingException"] = (d, e) => new ThrottlingException(d, e),
            ["Throttling"] = (d, e) => new ThrottlingException(d, e),
            ["Throttled"] = (d, e) => new ThrottlingException(d, e),
            ["TooManyRequestsException"] = (d, e) => new ThrottlingException(d, e),
            ["RequestLimitExceeded"] = (d, e) => new ThrottlingException(d, e),
            ["ResourceInUseException"] = (d, e) => new ResourceInUseException(d, e),
            ["ResourceNotFoundException"] = (d, e) => new ResourceNotFoundException(d, e),
            ["ResourceNotFound"] = (d, e) => new ResourceNotFoundException(d, e),
            ["NotFound"] = (d, e) => new ResourceNotFoundException(d, e),
            ["ExecutionDoesNotExist"] = (d, e) => new ResourceNotFoundException(d, e),
            ["StateMachineDoesNotExist"] = (d, e) => new ResourceNotFoundException(d, e),
            ["NoSuchHostedZone"] = (d, e) => new ResourceNotFoundException(d, e),
            ["NoSuchChange"] = (d, e) => new ResourceNotFoundException(d, e),
            ["NoSuchHealthCheck"] = (d, e) => new ResourceNotFoundException(d, e),
            ["InvalidChangeBatch"] = (d, e) => new InvalidChangeBatchException(d, e),
            ["PriorRequestNotComplete"] = (d, e) => new PriorRequestNotCompleteException(d, e),
            ["ExecutionAlreadyExists"] = (d, e) => new ExecutionAlreadyExistsException(d, e),
            ["NoSuchResourceException"] = (d, e) => new NoSuchResourceException(d, e),
            ["ResourceAlreadyExistsException"] = (d, e) => new QuotaRequestAlreadyPendingException(d, e),
            ["InvalidParameterException"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidParameterValue"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidParameterValueException"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidParameter"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidInput"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidRequestException"] = (d, e) => new InvalidInputException(d, e),
            ["ValidationException"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidArn"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidName"] = (d, e) => new InvalidInputException(d, e),
            ["InvalidExecutionInput"] = (d, e) => new InvalidInputException(d, e),
            ["AccessDeniedException"] = (d, e) => new AccessDeniedException(d, e),
            ["AccessDenied"] = (d, e) => new AccessDeniedException(d, e),
            ["AuthorizationError"] = (d, e) => new AccessDeniedException(d, e),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The typed exception for <paramref name="details"/>; the base type for other codes.</summary>
    public static AwsServiceException Create(AwsErrorDetails details, Exception? innerException) =>
        s_byCode.TryGetValue(details.ErrorCode, out var create)
            ? create(details, innerException)
            : new AwsServiceException(details, innerException);

    /// <summary>
    /// Reduces the forms services send to the bare code: <c>aws.protocols#ThrottlingException</c>,
    /// <c>ThrottlingException:http://internal.amazon.com/...</c> and <c>AWS.SimpleQueueService.X</c>
    /// style prefixes all carry the code after the last separator.
    /// </summary>
    public static string NormalizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "UnknownError";
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
