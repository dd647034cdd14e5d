using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// The <c>query</c> protocol (SNS): POST / with a form body <c>Action=X&amp;Version=Y&amp;...</c>, answered in
/// XML as <c>&lt;XResponse&gt;&lt;XResult&gt;...</c>. The form is the request's content, written here, so the
/// SigV4 payload hash covers exactly the bytes sent.
/// </summary>
internal static class QueryProtocol
{
    /// <summary>
    /// A query operation: <paramref name="write"/> adds the operation's fields after Action and Version;
    /// <paramref name="read"/> gets the <c>&lt;ActionResult&gt;</c> element (empty when the service sent none).
    /// </summary>
    public static AwsOperation<TRequest, TResponse> Operation<TRequest, TResponse>(
        AwsServiceDescriptor service,
        string action,
        Action<TRequest, QueryForm> write,
        Func<XElement, TResponse> read)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        var marshaller = new DelegateMarshaller<TRequest>(service, request =>
        {
            var form = new QueryForm().Add("Action", action).Add("Version", service.ApiVersion);
            write(request, form);
            var wire = new DefaultRequest(request, service.ServiceId)
            {
                HttpMethod = "POST",
                ResourcePath = "/",
                Content = form.ToBytes(),
            };
            wire.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
            return wire;
        });
        var resultName = action + "Result";
        return new(marshaller, new XmlResponseParser<TResponse>(
            service, action, root => read(root.Child(resultName) ?? new XElement(resultName))));
    }
}
