using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.ServiceQuotas;

/// <summary>
/// The Service Quotas operations DialControl calls, as AWSSDK.ServiceQuotas's
/// <c>AmazonServiceQuotasClient</c> names them.
/// </summary>
public class AmazonServiceQuotasClient : AwsServiceClient, IAmazonServiceQuotas
{
    /// <summary>
    /// Service Quotas: signing name <c>servicequotas</c>, override variable
    /// <c>AWS_ENDPOINT_URL_SERVICE_QUOTAS</c>.
    /// </summary>
    public static readonly AwsServiceDescriptor Service =
        new("Service Quotas", "servicequotas", "servicequotas", "2019-06-24");

    private const string JsonVersion = "1.1";

    private const string Target = "ServiceQuotasV20190624.";

    private static readonly ServiceQuotasJsonContext s_json = ServiceQuotasJsonContext.Default;

    private static readonly AwsOperation<GetServiceQuotaRequest, GetServiceQuotaResponse> s_getQuota =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            Target + "GetServiceQuota",
            s_json.GetServiceQuotaRequest,
            s_json.GetServiceQuotaResponse);

    private static readonly AwsOperation<GetAWSDefaultServiceQuotaRequest, GetAWSDefaultServiceQuotaResponse>
        s_getDefaultQuota = JsonProtocol.Rpc(
            Service,
            JsonVersion,
            Target + "GetAWSDefaultServiceQuota",
            s_json.GetAWSDefaultServiceQuotaRequest,
            s_json.GetAWSDefaultServiceQuotaResponse);

    private static readonly AwsOperation<RequestServiceQuotaIncreaseRequest, RequestServiceQuotaIncreaseResponse>
        s_requestIncrease = JsonProtocol.Rpc(
            Service,
            JsonVersion,
            Target + "RequestServiceQuotaIncrease",
            s_json.RequestServiceQuotaIncreaseRequest,
            s_json.RequestServiceQuotaIncreaseResponse);

    private static readonly AwsOperation<
        ListRequestedServiceQuotaChangeHistoryByQuotaRequest,
        ListRequestedServiceQuotaChangeHistoryByQuotaResponse> s_listRequests = JsonProtocol.Rpc(
            Service,
            JsonVersion,
            Target + "ListRequestedServiceQuotaChangeHistoryByQuota",
            s_json.ListRequestedServiceQuotaChangeHistoryByQuotaRequest,
            s_json.ListRequestedServiceQuotaChangeHistoryByQuotaResponse);

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonServiceQuotasClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonServiceQuotasClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonServiceQuotasClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<GetServiceQuotaResponse> GetServiceQuotaAsync(
        GetServiceQuotaRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_getQuota, cancellationToken);

    /// <inheritdoc />
    public Task<GetAWSDefaultServiceQuotaResponse> GetAWSDefaultServiceQuotaAsync(
        GetAWSDefaultServiceQuotaRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_getDefaultQuota, cancellationToken);

    /// <inheritdoc />
    public Task<RequestServiceQuotaIncreaseResponse> RequestServiceQuotaIncreaseAsync(
        RequestServiceQuotaIncreaseRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_requestIncrease, cancellationToken);

    /// <inheritdoc />
    public Task<ListRequestedServiceQuotaChangeHistoryByQuotaResponse>
        ListRequestedServiceQuotaChangeHistoryByQuotaAsync(
            ListRequestedServiceQuotaChangeHistoryByQuotaRequest request,
            CancellationToken cancellationToken = default) =>
            SendAsync(request, s_listRequests, cancellationToken);
}
