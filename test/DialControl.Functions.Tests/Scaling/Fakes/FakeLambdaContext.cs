using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>An invocation context with a fixed request id and a deadline on the fake clock.</summary>
public sealed class FakeLambdaContext(TimeProvider time) : ILambdaContext
{
    public string AwsRequestId { get; } = "11111111-2222-3333-4444-555555555555";

    public string FunctionName { get; } = "dialcontrol-scale-nodes";

    public string InvokedFunctionArn { get; } = "arn:aws:lambda:eu-west-1:123456789012:function:dialcontrol-scale-nodes";

    public DateTimeOffset Deadline => time.GetUtcNow().AddMinutes(1);

    public TimeSpan RemainingTime => Deadline - time.GetUtcNow();

    public string? TraceId => null;

    public CancellationToken CancellationToken => CancellationToken.None;
}
