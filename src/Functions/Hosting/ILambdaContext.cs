namespace DialControl.Functions.Hosting;

/// <summary>What Lambda tells a function about the invocation in progress.</summary>
public interface ILambdaContext
{
    /// <summary>The Lambda request id (Lambda-Runtime-Aws-Request-Id).</summary>
    string AwsRequestId { get; }

    /// <summary>The function name (AWS_LAMBDA_FUNCTION_NAME, else the handler name).</summary>
    string FunctionName { get; }

    /// <summary>The ARN the caller invoked (Lambda-Runtime-Invoked-Function-Arn).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>When Lambda stops the invocation (Lambda-Runtime-Deadline-Ms).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>, by the function's clock.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The X-Ray trace header (Lambda-Runtime-Trace-Id), when tracing is on.</summary>
    string? TraceId { get; }

    /// <summary>Fires shortly before <see cref="Deadline"/>, so work stops with time left to report.</summary>
    CancellationToken CancellationToken { get; }
}
