namespace DialControl.Aws.Sns;

/// <summary>The SNS operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonSimpleNotificationService
{
    /// <summary>
    /// Publishes a message to a topic. Throws <c>ResourceNotFoundException</c> for an unknown topic,
    /// <c>AccessDeniedException</c> when the role may not publish to it and <c>InvalidInputException</c>
    /// for a rejected parameter.
    /// </summary>
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
}
