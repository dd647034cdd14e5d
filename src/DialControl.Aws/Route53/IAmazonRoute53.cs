namespace DialControl.Aws.Route53;

/// <summary>The Route 53 operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonRoute53
{
    /// <summary>
    /// Lists one page of a hosted zone's record sets. Throws <c>ResourceNotFoundException</c> for an
    /// unknown hosted zone.
    /// </summary>
    Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(
        ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a change batch atomically. Throws <c>InvalidChangeBatchException</c> (with Route 53's
    /// messages) for a batch it rejects and <c>PriorRequestNotCompleteException</c> while an earlier
    /// change of the zone is still being applied (after the SDK's retries).
    /// </summary>
    Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(
        ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a change's status (PENDING or INSYNC). Throws <c>ResourceNotFoundException</c> for an unknown id.
    /// </summary>
    Task<GetChangeResponse> GetChangeAsync(GetChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads what each Route 53 checker last saw of a health check. Throws <c>ResourceNotFoundException</c>
    /// for an unknown health check.
    /// </summary>
    Task<GetHealthCheckStatusResponse> GetHealthCheckStatusAsync(
        GetHealthCheckStatusRequest request, CancellationToken cancellationToken = default);
}
