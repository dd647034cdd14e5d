using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// Parses an XML response body into <typeparamref name="TResponse"/> with <paramref name="read"/>, which
/// gets the document's root element; errors become typed exceptions through <see cref="XmlErrors"/>.
/// </summary>
internal sealed class XmlResponseParser<TResponse>(
    AwsServiceDescriptor service, string operation, Func<XElement, TResponse> read)
    : XmlResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse
{
    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = XmlProtocol.Parse(StreamBodies.ReadAll(context.Stream));
        var response = read(root);
        response.ResponseMetadata ??= new ResponseMetadata();
        response.ResponseMetadata.RequestId = XmlProtocol.RequestId(context.ResponseData, root);
        return response;
    }

    public override AmazonServiceException UnmarshallException(
        XmlUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = StreamBodies.ErrorBody(context);
        return XmlErrors.Read(service, operation, body, context.ResponseData, statusCode, innerException);
    }
}
