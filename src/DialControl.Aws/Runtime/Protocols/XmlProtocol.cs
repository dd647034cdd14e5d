using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// The XML protocols: <c>restXml</c> (HTTP verb and path per operation, XML bodies; Route 53) and the
/// responses of the <c>query</c> protocol (SNS; requests in <see cref="QueryProtocol"/>). Responses are
/// small, so each is read whole into an <see cref="XElement"/> (System.Xml.Linq, no reflection) and
/// elements are matched by local name, which keeps readers indifferent to the namespace a service or
/// an emulator writes.
/// </summary>
internal static class XmlProtocol
{
    private static readonly XmlReaderSettings s_readerSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary>A restXml operation; <paramref name="build"/> sets the verb, path, query and body.</summary>
    public static AwsOperation<TRequest, TResponse> Rest<TRequest, TResponse>(
        AwsServiceDescriptor service,
        string operation,
        Action<TRequest, RestRequest> build,
        Func<XElement, TResponse> read)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        var marshaller = new DelegateMarshaller<TRequest>(service, request =>
        {
            var rest = new RestRequest(request, service.ServiceId);
            build(request, rest);
            return rest.Wire;
        });
        return new(marshaller, new XmlResponseParser<TResponse>(service, operation, read));
    }

    /// <summary>Parses a body; an empty one reads as an empty element so readers see no members.</summary>
    public static XElement Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return new XElement("Empty");
        }

        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, s_readerSettings);
        return XDocument.Load(reader).Root ?? new XElement("Empty");
    }

    /// <summary>Serialises <paramref name="root"/> as a UTF-8 request body without a byte order mark.</summary>
    public static byte[] Write(XElement root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            root.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The first child named <paramref name="localName"/>, in whatever namespace.</summary>
    public static XElement? Child(this XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The children named <paramref name="localName"/>, in whatever namespace.</summary>
    public static IEnumerable<XElement> Children(this XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    /// <summary>The text of a child, or null when the child is missing.</summary>
    public static string? Text(this XElement? parent, string localName) => parent.Child(localName)?.Value;

    /// <summary>A child as a boolean (<c>true</c>/<c>false</c>), or null.</summary>
    public static bool? Bool(this XElement? parent, string localName) =>
        parent.Text(localName) is { } text ? XmlConvert.ToBoolean(text.Trim().ToLowerInvariant()) : null;

    /// <summary>A child as a 64-bit integer, or null.</summary>
    public static long? Long(this XElement? parent, string localName) =>
        parent.Text(localName) is { } text ? long.Parse(text.Trim(), CultureInfo.InvariantCulture) : null;

    /// <summary>A child as an ISO 8601 timestamp (UTC when no offset is written), or null.</summary>
    public static DateTimeOffset? Timestamp(this XElement? parent, string localName) =>
        parent.Text(localName) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;

    /// <summary>
    /// The request id: the <c>x-amzn-RequestId</c> header, else the body's <c>RequestId</c> (restXml errors)
    /// or <c>ResponseMetadata/RequestId</c> (query protocol).
    /// </summary>
    public static string? RequestId(IWebResponseData response, XElement root)
    {
        var id = JsonProtocol.RequestId(response);
        if (!string.IsNullOrEmpty(id))
        {
            return id;
        }

        return root.Text("RequestId") ?? root.Child("ResponseMetadata").Text("RequestId");
    }
}
