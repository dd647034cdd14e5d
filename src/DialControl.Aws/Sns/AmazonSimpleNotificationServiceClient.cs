using System.Globalization;
using Amazon.Runtime;
using DialControl.Aws.Runtime;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.Sns;

/// <summary>
/// The SNS operations DialControl calls, as AWSSDK.SimpleNotificationService's
/// <c>AmazonSimpleNotificationServiceClient</c> names them.
/// </summary>
public class AmazonSimpleNotificationServiceClient : AwsServiceClient, IAmazonSimpleNotificationService
{
    /// <summary>SNS: signing name <c>sns</c>, override variable <c>AWS_ENDPOINT_URL_SNS</c>.</summary>
    public static readonly AwsServiceDescriptor Service = new("SNS", "sns", "sns", "2010-03-31");

    private static readonly AwsOperation<PublishRequest, PublishResponse> s_publish =
        QueryProtocol.Operation<PublishRequest, PublishResponse>(
            Service,
            "Publish",
            WritePublish,
            result => new() { MessageId = result.Text("MessageId") });

    /// <summary>Creates a client with the default credential chain and region.</summary>
    public AmazonSimpleNotificationServiceClient()
        : this(new AwsClientConfig(Service))
    {
    }

    /// <summary>Creates a client with the given configuration.</summary>
    public AmazonSimpleNotificationServiceClient(AwsClientConfig config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit credentials.</summary>
    public AmazonSimpleNotificationServiceClient(AWSCredentials credentials, AwsClientConfig config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, s_publish, cancellationToken);

    private static void WritePublish(PublishRequest request, QueryForm form)
    {
        form.Add("TopicArn", request.TopicArn)
            .Add("Message", request.Message)
            .Add("Subject", request.Subject);

        // A map in the query protocol: entries numbered from 1, each with its key and value members.
        var index = 0;
        foreach (var (name, value) in request.MessageAttributes ?? [])
        {
            var prefix = "MessageAttributes.entry." + (++index).ToString(CultureInfo.InvariantCulture);
            form.Add(prefix + ".Name", name)
                .Add(prefix + ".Value.DataType", value.DataType)
                .Add(prefix + ".Value.StringValue", value.StringValue);
        }
    }
}
