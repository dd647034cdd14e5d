using DialControl.Aws.Errors;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>AWS errors as the DialControl clients throw them.</summary>
public static class AwsErrors
{
    public static AwsErrorDetails Details(string service, string operation, string code, int status) =>
        new(service, operation, code, $"{code} from the fake", status, "req-fake");

    public static ThrottlingException Throttled(string service, string operation) =>
        new(Details(service, operation, "ThrottlingException", 400));

    public static AccessDeniedException Denied(string service, string operation) =>
        new(Details(service, operation, "AccessDeniedException", 403));
}
