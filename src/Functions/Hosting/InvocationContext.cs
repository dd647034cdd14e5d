namespace DialControl.Functions.Hosting;

/// <summary>
/// <see cref="ILambdaContext"/> for one invocation. Its cancellation token fires a margin before the
/// deadline (10% of the time the invocation was given, at most 500 ms), so a handler that honours it
/// still has time to log what it did and return before Lambda stops the process.
/// </summary>
internal sealed class InvocationContext : ILambdaContext, IDisposable
{
    /// <summary>The largest margin between the cancellation and the deadline.</summary>
    public static readonly TimeSpan MaxCancellationMargin = TimeSpan.FromMilliseconds(500);

    // A deadline further away than this is a bug upstream (Lambda allows 15 minutes); the timer is capped.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _cancellation;

    /// <summary>Creates the context; the cancellation timer starts now, on <paramref name="time"/>.</summary>
    public InvocationContext(
        string awsRequestId,
        string functionName,
        string invokedFunctionArn,
        DateTimeOffset deadline,
        string? traceId,
        TimeProvider time)
    {
        AwsRequestId = awsRequestId;
        FunctionName = functionName;
        InvokedFunctionArn = invokedFunctionArn;
        Deadline = deadline;
        TraceId = traceId;
        _time = time;
        var budget = deadline - time.GetUtcNow();
        var fireIn = budget - CancellationMargin(budget);
        _cancellation = fireIn > TimeSpan.Zero
            ? new CancellationTokenSource(fireIn < LongestTimer ? fireIn : LongestTimer, time)
            : new CancellationTokenSource();
        if (fireIn <= TimeSpan.Zero)
        {
            _cancellation.Cancel();
        }
    }

    /// <inheritdoc />
    public string AwsRequestId { get; }

    /// <inheritdoc />
    public string FunctionName { get; }

    /// <inheritdoc />
    public string InvokedFunctionArn { get; }

    /// <inheritdoc />
    public DateTimeOffset Deadline { get; }

    /// <inheritdoc />
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <inheritdoc />
    public string? TraceId { get; }

    /// <inheritdoc />
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>
    /// How long before the deadline the token fires, for an invocation given <paramref name="budget"/>.
    /// </summary>
    public static TimeSpan CancellationMargin(TimeSpan budget)
    {
        if (budget <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var tenth = budget / 10;
        return tenth < MaxCancellationMargin ? tenth : MaxCancellationMargin;
    }

    /// <inheritdoc />
    public void Dispose() => _cancellation.Dispose();
}
