using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>Builds the HTTP request of a REST operation: verb, path with encoded labels, query, body.</summary>
internal sealed class RestRequest(AmazonWebServiceRequest request, string serviceId)
{
    public DefaultRequest Wire { get; } = new(request, serviceId) { ResourcePath = "/" };

    /// <summary>Sets the verb and the path; <c>{label}</c> segments are filled by <see cref="Label"/>.</summary>
    public RestRequest Route(string method, string pathTemplate)
    {
        Wire.HttpMethod = method;
        Wire.ResourcePath = pathTemplate;
        return this;
    }

    /// <summary>Fills a path label. A missing value is a caller bug, named here rather than sent as "//".</summary>
    public RestRequest Label(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{name} is required and must not be empty.", name);
        }

        Wire.AddPathResource("{" + name + "}", value);
        return this;
    }

    /// <summary>Adds a query parameter when <paramref name="value"/> is set.</summary>
    public RestRequest Query(string name, string? value)
    {
        if (value is not null)
        {
            Wire.Parameters[name] = value;
            Wire.UseQueryString = true;
        }

        return this;
    }

    /// <summary>Adds an integer query parameter when <paramref name="value"/> is set.</summary>
    public RestRequest Query(string name, int? value) =>
        Query(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a JSON body (restJson1).</summary>
    public RestRequest JsonBody<T>(T body, JsonTypeInfo<T> type)
    {
        Wire.Content = JsonSerializer.SerializeToUtf8Bytes(body, type);
        Wire.Headers["Content-Type"] = "application/json";
        return this;
    }

    /// <summary>Writes an XML body (restXml).</summary>
    public RestRequest XmlBody(byte[] body)
    {
        Wire.Content = body;
        Wire.Headers["Content-Type"] = "application/xml";
        return this;
    }
}
