namespace DialControl.Functions.Hosting;

/// <summary>
/// The invocation in progress on the current async flow: its request id and function name. The runtime
/// loop and the local Invoke API set it; log lines and metrics read it, so handlers never pass it on.
/// </summary>
internal static class InvocationScope
{
    private static readonly AsyncLocal<Entry?> CurrentEntry = new();

    /// <summary>The invocation in progress, or null outside one (cold start, the host itself).</summary>
    public static Entry? Current => CurrentEntry.Value;

    /// <summary>Marks the rest of this async flow as part of <paramref name="requestId"/>.</summary>
    public static IDisposable Begin(string requestId, string functionName)
    {
        var previous = CurrentEntry.Value;
        CurrentEntry.Value = new Entry(requestId, functionName);
        return new Restore(previous);
    }

    /// <summary>One invocation's identity.</summary>
    internal sealed record Entry(string RequestId, string FunctionName);

    private sealed class Restore(Entry? previous) : IDisposable
    {
        public void Dispose() => CurrentEntry.Value = previous;
    }
}
