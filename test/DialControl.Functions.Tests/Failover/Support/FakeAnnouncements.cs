using DialControl.Aws.EventBridge;
using DialControl.Aws.Sns;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>EventBridge and SNS that keep what they were asked to send.</summary>
public sealed class FakeAnnouncements : IAmazonEventBridge, IAmazonSimpleNotificationService
{
    public List<PutEventsRequestEntry> Events { get; } = [];

    public List<PublishRequest> Messages { get; } = [];

    public Exception? FailNextPublish { get; set; }

    public Task<PutEventsResponse> PutEventsAsync(
        PutEventsRequest request,
        CancellationToken cancellationToken = default)
    {
        Events.AddRange(request.Entries);
        return Task.FromResult(new PutEventsResponse
        {
            FailedEntryCount = 0,
            Entries =
            [
                .. request.Entries.Select((_, i) => new PutEventsResultEntry { EventId = $"event-{Events.Count + i}" }),
            ],
        });
    }

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Messages.Add(request);
        if (FailNextPublish is { } failure)
        {
            FailNextPublish = null;
            throw failure;
        }

        return Task.FromResult(new PublishResponse { MessageId = $"msg-{Messages.Count}" });
    }
}
