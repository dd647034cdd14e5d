namespace DialControl.Aws.ServiceQuotas;

/// <summary>The Service Quotas operations DialControl calls; reactions depend on this, tests fake it.</summary>
public interface IAmazonServiceQuotas
{
    /// <summary>
    /// The quota value applied to this account. Throws <c>NoSuchResourceException</c> when the
    /// service or quota code is unknown in the region.
    /// </summary>
    Task<GetServiceQuotaResponse> GetServiceQuotaAsync(
        GetServiceQuotaRequest request, CancellationToken cancellationToken = default);

    /// <summary>The AWS default value of a quota. Throws <c>NoSuchResourceException</c> for unknown codes.</summary>
    Task<GetAWSDefaultServiceQuotaResponse> GetAWSDefaultServiceQuotaAsync(
        GetAWSDefaultServiceQuotaRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for a quota increase. Throws <c>QuotaRequestAlreadyPendingException</c> when a request for
    /// the quota is already open.
    /// </summary>
    Task<RequestServiceQuotaIncreaseResponse> RequestServiceQuotaIncreaseAsync(
        RequestServiceQuotaIncreaseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the increase requests made for one quota.</summary>
    Task<ListRequestedServiceQuotaChangeHistoryByQuotaResponse> ListRequestedServiceQuotaChangeHistoryByQuotaAsync(
        ListRequestedServiceQuotaChangeHistoryByQuotaRequest request, CancellationToken cancellationToken = default);
}
