using System.Net;
using Amazon.Runtime;

namespace DialControl.Aws.Errors;

/// <summary>
/// An error answered by an AWS service. Carries the AWS error code, the HTTP status and the request id;
/// the failures the reactions act on have a subtype each, so callers catch by type, never by string.
/// It derives from the SDK's <see cref="AmazonServiceException"/> so that AWSSDK.Core's retry policy
/// sees the code and status it decides on.
/// </summary>
public class AwsServiceException : AmazonServiceException
{
    /// <summary>Creates the exception for one failed AWS call.</summary>
    public AwsServiceException(AwsErrorDetails details, Exception? innerException = null)
        : base(
            Describe(details),
            innerException,
            details?.StatusCode is >= 500 ? ErrorType.Receiver : ErrorType.Sender,
            details?.ErrorCode,
            details?.RequestId,
            (HttpStatusCode)(details?.StatusCode ?? 0))
    {
        Details = details!;
    }

    /// <summary>What the service said, and about which operation.</summary>
    public AwsErrorDetails Details { get; }

    /// <summary>The service that answered (for example <c>EKS</c>).</summary>
    public string ServiceId => Details.ServiceId;

    /// <summary>The operation that failed (for example <c>UpdateNodegroupConfig</c>).</summary>
    public string Operation => Details.Operation;

    private static string Describe(AwsErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return $"{details.ServiceId} {details.Operation} failed with {details.ErrorCode} " +
            $"(HTTP {details.StatusCode}, request id {details.RequestId ?? "none"}): {details.Message}";
    }
}
