using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>A Lambda context for unit tests: fixed ids, a distant deadline, no cancellation.</summary>
internal sealed class FakeLambdaContext : ILambdaContext
{
    public string AwsRequestId => "request-1";

    public string FunctionName => "BedrockQuota";

    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:BedrockQuota";

    public DateTimeOffset Deadline => DateTimeOffset.MaxValue;

    public TimeSpan RemainingTime => TimeSpan.FromMinutes(5);

    public string? TraceId => null;

    public CancellationToken CancellationToken => CancellationToken.None;
}
