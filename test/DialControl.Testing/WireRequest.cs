using System.Text.Json.Nodes;
using System.Web;
using System.Xml.Linq;

namespace DialControl.Testing;

/// <summary>
/// A request as the wire sees it, reduced to what the protocol defines: verb, path, query, the
/// headers that describe the body, and the body in a form that compares structurally.
/// </summary>
public sealed record WireRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string[]> Query,
    IReadOnlyDictionary<string, string> Headers,
    string BodyText,
    IReadOnlyDictionary<string, string>? Form)
{
    /// <summary>Reads the oracle's JSON.</summary>
    public static WireRequest FromOracle(JsonObject json)
    {
        var query = json["query"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(v => v!.GetValue<string>()).ToArray());
        var headers = json["headers"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var form = json["form"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        return new(json["method"]!.GetValue<string>(), json["path"]!.GetValue<string>(), query, headers,
            json["text"]?.GetValue<string>() ?? string.Empty, form);
    }

    /// <summary>Reads a request the capture endpoint received.</summary>
    public static WireRequest FromCaptured(CapturedRequest captured)
    {
        var rawPath = captured.RawUrl;
        var queryStart = rawPath.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart >= 0 ? rawPath[..queryStart] : rawPath;
        var query = new Dictionary<string, string[]>();
        if (queryStart >= 0)
        {
            var parsed = HttpUtility.ParseQueryString(rawPath[(queryStart + 1)..]);
            foreach (var key in parsed.AllKeys)
            {
                query[key!] = parsed.GetValues(key)!;
            }
        }

        var headers = captured.Headers
            .Where(h => h.Key is "content-type" or "x-amz-target")
            .ToDictionary(h => h.Key, h => h.Value);
        Dictionary<string, string>? form = null;
        if (headers.TryGetValue("content-type", out var type)
            && type.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            var parsed = HttpUtility.ParseQueryString(captured.Body);
            form = parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
        }

        return new(captured.Method, path, query, headers, captured.Body, form);
    }

    /// <summary>The body as a comparable tree: JSON and XML parsed, forms as sorted pairs.</summary>
    public string CanonicalBody()
    {
        if (Form is not null)
        {
            return string.Join("&", Form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        }

        var text = BodyText.Trim();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.StartsWith('<'))
        {
            return CanonicalXml(XElement.Parse(text)).ToString(SaveOptions.DisableFormatting);
        }

        return JsonCanonical.Normalize(JsonNode.Parse(text));
    }

    private static XElement CanonicalXml(XElement element) =>
        new(element.Name,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString()),
            element.HasElements ? element.Elements().Select(CanonicalXml) : (object)element.Value.Trim());
}
