using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.CloudWatch;

/// <summary>
/// The CloudWatch operations DialControl calls, as AWSSDK.CloudWatch's <c>AmazonCloudWatchClient</c>
/// names them. Spoken in awsJson 1.0, one of the three protocols CloudWatch serves (docs/aws-layer.md).
/// </summary>
public class AmazonCloudWatchClient : AwsServiceClient, IAmazonCloudWatch
{
    /// <summary>
    /// CloudWatch: signing name <c>monitoring</c>, override variable <c>AWS_ENDPOINT_URL_CLOUDWATCH</c>.
    /// </summary>
    public static readonly AwsServiceDescriptor Service = new("CloudWatch", "monitoring", "monitoring", "2010-08-01");

    private const string JsonVersion = "1.0";

    private static readonly CloudWatchJsonContext s_json = CloudWatchJsonContext.Default;

    private static readonly AwsOperation<GetMetricDataRequest, GetMetricDataResponse> s_getMetricData =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            "GraniteServiceVersion20100801.GetMetricData",
            s_json.GetMetricDataRequest,
            s_json.GetMetricDataResponse);

    private static readonly AwsOperation<DescribeAlarmsRequest, DescribeAlarmsResponse> s_describeAlarms =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            "GraniteServiceVersion20100801.DescribeAlarms",
            s_json.DescribeAlarmsRequest,
            s_json.DescribeAlarmsResponse);

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonCloudWatchClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonCloudWatchClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonCloudWatchClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<GetMetricDataResponse> GetMetricDataAsync(
        GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_getMetricData, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(
        DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_describeAlarms, cancellationToken);
}
