using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>A Lambda context with fixed values and a token that never fires.</summary>
public sealed class TestLambdaContext(string functionName = "FailoverStep") : ILambdaContext
{
    public string AwsRequestId { get; } = "req-1";

    public string FunctionName { get; } = functionName;

    public string InvokedFunctionArn => $"arn:aws:lambda:eu-west-1:123456789012:function:{FunctionName}";

    public DateTimeOffset Deadline { get; } = DateTimeOffset.UnixEpoch.AddYears(60);

    public TimeSpan RemainingTime => TimeSpan.FromMinutes(1);

    public string? TraceId => null;

    public CancellationToken CancellationToken => CancellationToken.None;
}
