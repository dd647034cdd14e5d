using DialControl.Aws.EventBridge;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>EventBridge for unit tests: records every entry; can reject entries or fail the call.</summary>
internal sealed class FakeEventBridge : IAmazonEventBridge
{
    public List<PutEventsRequestEntry> Entries { get; } = [];

    /// <summary>When set, entries are rejected with this error code (the call itself succeeds).</summary>
    public string? RejectWith { get; set; }

    /// <summary>When set, the call throws it.</summary>
    public Exception? FailWith { get; set; }

    public Task<PutEventsResponse> PutEventsAsync(
        PutEventsRequest request, CancellationToken cancellationToken = default)
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }

        if (RejectWith is not null)
        {
            return Task.FromResult(new PutEventsResponse
            {
                FailedEntryCount = request.Entries.Count,
                Entries = [.. request.Entries.Select(_ => new PutEventsResultEntry
                {
                    ErrorCode = RejectWith, ErrorMessage = "rejected by the fake",
                })],
            });
        }

        Entries.AddRange(request.Entries);
        return Task.FromResult(new PutEventsResponse
        {
            FailedEntryCount = 0,
            Entries = [.. request.Entries.Select((_, i) =>
                new PutEventsResultEntry { EventId = $"event-{Entries.Count + i}" })],
        });
    }
}
