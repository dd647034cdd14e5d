using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using DialControl.Aws.Errors;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// The two JSON protocols: <c>awsJson1_0/1_1</c> (POST / with an <c>X-Amz-Target</c>; Step Functions,
/// Service Quotas, CloudWatch, EventBridge) and <c>restJson1</c> (HTTP verb and path per operation; EKS).
/// Bodies go through System.Text.Json source generation, so nothing here reflects at run time.
/// </summary>
internal static class JsonProtocol
{
    /// <summary>An awsJson operation: <paramref name="target"/> is <c>Prefix.OperationName</c>.</summary>
    public static AwsOperation<TRequest, TResponse> Rpc<TRequest, TResponse>(
        AwsServiceDescriptor service,
        string jsonVersion,
        string target,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var marshaller = new DelegateMarshaller<TRequest>(service, request =>
        {
            var wire = new DefaultRequest(request, service.ServiceId)
            {
                HttpMethod = "POST",
                ResourcePath = "/",
                Content = JsonSerializer.SerializeToUtf8Bytes(request, requestType),
            };
            wire.Headers["X-Amz-Target"] = target;
            wire.Headers["Content-Type"] = $"application/x-amz-json-{jsonVersion}";
            return wire;
        });
        return new(marshaller, new JsonResponseParser<TResponse>(service, operation, responseType));
    }

    /// <summary>A restJson operation; <paramref name="build"/> sets the verb, path, query and body.</summary>
    public static AwsOperation<TRequest, TResponse> Rest<TRequest, TResponse>(
        AwsServiceDescriptor service,
        string operation,
        Action<TRequest, RestRequest> build,
        JsonTypeInfo<TResponse> responseType)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse
    {
        var marshaller = new DelegateMarshaller<TRequest>(service, request =>
        {
            var rest = new RestRequest(request, service.ServiceId);
            build(request, rest);
            return rest.Wire;
        });
        return new(marshaller, new JsonResponseParser<TResponse>(service, operation, responseType));
    }

    /// <summary>Reads the code and message of a JSON error body, whichever casing the service used.</summary>
    public static AwsErrorDetails ReadError(
        AwsServiceDescriptor service, string operation, byte[] body, IWebResponseData response, HttpStatusCode status)
    {
        string? type = response.GetHeaderValue("x-amzn-ErrorType");
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                type = string.IsNullOrEmpty(type) ? FirstString(root, "__type", "code", "Code") : type;
                message = FirstString(root, "message", "Message", "errorMessage");
            }
            catch (JsonException)
            {
                // A proxy or load balancer answered with something that is not JSON: keep the status.
                message = "the response body was not JSON";
            }
        }

        type = QueryCompatibleCode(response) ?? type;
        return new AwsErrorDetails(
            service.ServiceId,
            operation,
            AwsErrorMapper.NormalizeCode(string.IsNullOrEmpty(type) ? DefaultCode(status) : type),
            message ?? string.Empty,
            (int)status,
            RequestId(response));
    }

    /// <summary>
    /// Services that moved from the query protocol to JSON (CloudWatch) send their documented query
    /// error code in <c>x-amzn-query-error: Code;Sender</c>, and the official SDKs report that code:
    /// the JSON <c>__type</c> is the shape name (<c>InvalidParameterValueException</c>), the header
    /// the code callers know (<c>InvalidParameterValue</c>).
    /// </summary>
    internal static string? QueryCompatibleCode(IWebResponseData response)
    {
        var header = response.GetHeaderValue("x-amzn-query-error");
        var parts = string.IsNullOrEmpty(header) ? [] : header.Split(';');
        return parts.Length == 2 && parts[0].Length > 0 ? parts[0] : null;
    }

    internal static string? RequestId(IWebResponseData response)
    {
        var id = response.GetHeaderValue("x-amzn-RequestId");
        return string.IsNullOrEmpty(id) ? response.GetHeaderValue("x-amz-request-id") : id;
    }

    internal static string DefaultCode(HttpStatusCode status) =>
        (int)status >= 500 ? "InternalFailure"
            : status == HttpStatusCode.TooManyRequests ? "Throttling"
            : "UnknownError";

    private static string? FirstString(JsonElement root, params string[] names)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}

/// <summary>Parses a JSON response body into <typeparamref name="TResponse"/>; errors into typed exceptions.</summary>
internal sealed class JsonResponseParser<TResponse>(
    AwsServiceDescriptor service, string operation, JsonTypeInfo<TResponse> responseType)
    : JsonResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse
{
    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = StreamBodies.ReadAll(context.Stream);
        var response = body.Length == 0
            ? JsonSerializer.Deserialize("{}"u8, responseType)!
            : JsonSerializer.Deserialize(body, responseType)!;
        response.ResponseMetadata ??= new ResponseMetadata();
        response.ResponseMetadata.RequestId = JsonProtocol.RequestId(context.ResponseData);
        return response;
    }

    public override AmazonServiceException UnmarshallException(
        JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = StreamBodies.ErrorBody(context);
        var details = JsonProtocol.ReadError(service, operation, body, context.ResponseData, statusCode);
        return AwsErrorMapper.Create(details, innerException);
    }
}
