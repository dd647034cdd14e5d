using Amazon.Runtime;

// The SNS operation DialControl uses, named as in AWSSDK.SimpleNotificationService (namespace
// Amazon.SimpleNotificationService.Model); only the members DialControl writes or reads are modelled.
// The wire format is the query protocol: a form-encoded request and an XML response.
namespace DialControl.Aws.Sns;

/// <summary>Request of Publish (Action=Publish).</summary>
public sealed class PublishRequest : AmazonWebServiceRequest
{
    /// <summary>The topic to publish to.</summary>
    public string? TopicArn { get; set; }

    /// <summary>The message text, at most 256 KiB.</summary>
    public string? Message { get; set; }

    /// <summary>The subject used by e-mail subscriptions, at most 100 characters; optional.</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// Attributes subscribers can filter on, by name; sent in this dictionary's order. Optional:
    /// null or empty sends none.
    /// </summary>
    public Dictionary<string, MessageAttributeValue>? MessageAttributes { get; set; }
}

/// <summary>One message attribute. Binary attributes (BinaryValue) are not modelled: DialControl sends none.</summary>
public sealed class MessageAttributeValue
{
    /// <summary><c>String</c>, <c>String.Array</c> or <c>Number</c>.</summary>
    public string? DataType { get; set; }

    /// <summary>The value.</summary>
    public string? StringValue { get; set; }
}

/// <summary>Response of Publish.</summary>
public sealed class PublishResponse : AmazonWebServiceResponse
{
    /// <summary>The id SNS gave the message.</summary>
    public string? MessageId { get; set; }
}
