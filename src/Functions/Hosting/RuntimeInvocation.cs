namespace DialControl.Functions.Hosting;

/// <summary>One event handed out by the Runtime API's next-invocation call.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Deadline">Lambda-Runtime-Deadline-Ms, as a time.</param>
/// <param name="InvokedFunctionArn">Lambda-Runtime-Invoked-Function-Arn.</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id, when X-Ray tracing is on.</param>
/// <param name="Payload">The event JSON.</param>
internal sealed record RuntimeInvocation(
    string RequestId, DateTimeOffset Deadline, string InvokedFunctionArn, string? TraceId, byte[] Payload);
