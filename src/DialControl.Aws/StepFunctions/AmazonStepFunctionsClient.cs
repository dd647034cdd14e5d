using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.StepFunctions;

/// <summary>
/// The Step Functions operations DialControl calls, as AWSSDK.StepFunctions's
/// <c>AmazonStepFunctionsClient</c> names them.
/// </summary>
public class AmazonStepFunctionsClient : AwsServiceClient, IAmazonStepFunctions
{
    /// <summary>Step Functions: signing name <c>states</c>, override variable <c>AWS_ENDPOINT_URL_SFN</c>.</summary>
    public static readonly AwsServiceDescriptor Service = new("SFN", "states", "states", "2016-11-23");

    private const string JsonVersion = "1.0";

    private static readonly StepFunctionsJsonContext s_json = StepFunctionsJsonContext.Default;

    private static readonly AwsOperation<StartExecutionRequest, StartExecutionResponse> s_startExecution =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            "AWSStepFunctions.StartExecution",
            s_json.StartExecutionRequest,
            s_json.StartExecutionResponse);

    private static readonly AwsOperation<DescribeExecutionRequest, DescribeExecutionResponse> s_describeExecution =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            "AWSStepFunctions.DescribeExecution",
            s_json.DescribeExecutionRequest,
            s_json.DescribeExecutionResponse);

    private static readonly AwsOperation<ListExecutionsRequest, ListExecutionsResponse> s_listExecutions =
        JsonProtocol.Rpc(
            Service,
            JsonVersion,
            "AWSStepFunctions.ListExecutions",
            s_json.ListExecutionsRequest,
            s_json.ListExecutionsResponse);

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonStepFunctionsClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonStepFunctionsClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonStepFunctionsClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<StartExecutionResponse> StartExecutionAsync(
        StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_startExecution, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeExecutionResponse> DescribeExecutionAsync(
        DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_describeExecution, cancellationToken);

    /// <inheritdoc />
    public Task<ListExecutionsResponse> ListExecutionsAsync(
        ListExecutionsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_listExecutions, cancellationToken);
}
