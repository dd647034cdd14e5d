namespace DialControl.Aws.EventBridge;

/// <summary>The EventBridge operation DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonEventBridge
{
    /// <summary>
    /// Publishes events. Entries can fail one by one while the call succeeds: callers check
    /// <see cref="PutEventsResponse.FailedEntryCount"/>.
    /// </summary>
    Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default);
}
