using System.Globalization;
using System.Text.Json.Nodes;

namespace DialControl.Testing;

/// <summary>JSON with sorted keys and numbers in one form, so two encodings of one value compare equal.</summary>
public static class JsonCanonical
{
    /// <summary>The canonical text of <paramref name="node"/>.</summary>
    public static string Normalize(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"\"{p.Key}\":{Normalize(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Normalize)) + "]",
        JsonValue v when v.TryGetValue<double>(out var f) => f.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
