using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DialControl.Functions.Hosting;

/// <summary>Source-generated JSON for the documents the hosting writes (no reflection under Native AOT).</summary>
[JsonSerializable(typeof(ErrorReport))]
[JsonSerializable(typeof(LambdaServiceError))]
internal sealed partial class HostingJsonContext : JsonSerializerContext
{
    /// <summary>
    /// camelCase, nulls left out, and quotes and non-ASCII characters left as they are: error messages
    /// are read by people in the Lambda console and CloudWatch, not embedded in HTML.
    /// </summary>
    public static HostingJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
