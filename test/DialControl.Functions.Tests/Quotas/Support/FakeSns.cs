using DialControl.Aws.Sns;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>SNS for unit tests: records every published message.</summary>
internal sealed class FakeSns : IAmazonSimpleNotificationService
{
    public List<PublishRequest> Published { get; } = [];

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Published.Add(request);
        return Task.FromResult(new PublishResponse { MessageId = $"message-{Published.Count}" });
    }
}
