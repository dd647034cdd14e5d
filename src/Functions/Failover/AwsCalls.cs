using System.Collections.Frozen;
using System.Net;
using Amazon.Runtime;

namespace DialControl.Functions.Failover;

/// <summary>
/// Runs one AWS call of a failover step and translates its failure: throttling, 5xx, network faults
/// and a resource busy with another change become <see cref="FailoverTransientException"/> (the state
/// machine retries those); anything else becomes <see cref="FailoverStepException"/> naming the call,
/// the AWS error code and what a human should do. No AWS error code leaks past this point untranslated.
/// </summary>
internal static class AwsCalls
{
    private static readonly FrozenSet<string> s_transientCodes = new[]
    {
        "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded",
        "ProvisionedThroughputExceededException", "PriorRequestNotComplete", "ResourceInUseException",
        "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalServerError",
        "InternalServerErrorException", "ServerException", "RequestTimeout", "RequestTimeoutException",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="call"/>; <paramref name="what"/> names the operation and resource.</summary>
    public static async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (AmazonServiceException e) when (IsTransient(e))
        {
            throw new FailoverTransientException(
                $"{what} failed with {e.ErrorCode} (HTTP {(int)e.StatusCode}); " +
                "the step will be retried with backoff.",
                e);
        }
        catch (AmazonServiceException e)
        {
            throw new FailoverStepException($"{what} failed with {e.ErrorCode} (HTTP {(int)e.StatusCode}): " +
                $"{e.Message}{Hint(e.ErrorCode)}", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or TimeoutException ||
            (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FailoverTransientException(
                $"{what} did not get an answer ({e.GetType().Name}: {e.Message}); " +
                "the step will be retried with backoff.",
                e);
        }
    }

    /// <summary>True when a later attempt of the same call may succeed.</summary>
    public static bool IsTransient(AmazonServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (int)exception.StatusCode >= 500 || exception.StatusCode == HttpStatusCode.TooManyRequests ||
            (exception.ErrorCode is { } code && s_transientCodes.Contains(code));
    }

    private static string Hint(string? code) => code switch
    {
        "AccessDenied" or "AccessDeniedException" or "AuthorizationError" or "UnrecognizedClientException" =>
            ". This function's role lacks the permission; fix its IAM policy " +
            "(docs/deployment.md lists what each function is granted).",
        _ => string.Empty,
    };
}
