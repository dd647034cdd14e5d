using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime.Internal.Transform;
using DialControl.Aws.Errors;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// Reads XML error bodies into typed exceptions. Three shapes occur: <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c>
/// (Route 53, SNS and the other query services), a bare <c>&lt;Error&gt;</c> (S3-style), and Route 53's
/// <c>&lt;InvalidChangeBatch&gt;&lt;messages&gt;&lt;Message/&gt;...</c> whose root names the error and which
/// carries one message per rejected change.
/// </summary>
internal static class XmlErrors
{
    public static AwsServiceException Read(
        AwsServiceDescriptor service,
        string operation,
        byte[] body,
        IWebResponseData response,
        HttpStatusCode status,
        Exception? innerException)
    {
        XElement root;
        try
        {
            root = XmlProtocol.Parse(body);
        }
        catch (XmlException)
        {
            // A proxy or load balancer answered with something that is not XML: keep the status.
            var details = Details(service, operation, null, "the response body was not XML", status, response, null);
            return AwsErrorMapper.Create(details, innerException);
        }

        if (root.Name.LocalName == "InvalidChangeBatch")
        {
            return InvalidChangeBatch(service, operation, root, status, response, innerException);
        }

        var error = root.Name.LocalName == "Error" ? root : root.Child("Error");
        var code = error.Text("Code");
        var read = Details(service, operation, code, error.Text("Message"), status, response, root);
        if (read.ErrorCode == "InvalidChangeBatch")
        {
            return new InvalidChangeBatchException(read, [read.Message], innerException);
        }

        return AwsErrorMapper.Create(read, innerException);
    }

    private static InvalidChangeBatchException InvalidChangeBatch(
        AwsServiceDescriptor service,
        string operation,
        XElement root,
        HttpStatusCode status,
        IWebResponseData response,
        Exception? innerException)
    {
        // Route 53 writes <messages>; accept <Messages> too, since emulators differ in case.
        var list = root.Child("messages") ?? root.Child("Messages");
        var messages = list.Children("Message").Select(m => m.Value.Trim()).ToList();
        if (messages.Count == 0 && root.Text("Message") is { } single)
        {
            messages.Add(single.Trim());
        }

        var details = Details(
            service, operation, "InvalidChangeBatch", string.Join(" | ", messages), status, response, root);
        return new InvalidChangeBatchException(details, messages, innerException);
    }

    private static AwsErrorDetails Details(
        AwsServiceDescriptor service,
        string operation,
        string? code,
        string? message,
        HttpStatusCode status,
        IWebResponseData response,
        XElement? root) =>
        new(
            service.ServiceId,
            operation,
            AwsErrorMapper.NormalizeCode(string.IsNullOrEmpty(code) ? JsonProtocol.DefaultCode(status) : code),
            message?.Trim() ?? string.Empty,
            (int)status,
            root is null ? JsonProtocol.RequestId(response) : XmlProtocol.RequestId(response, root));
}
