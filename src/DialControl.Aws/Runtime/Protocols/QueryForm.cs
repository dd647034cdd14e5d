using System.Text;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>
/// The fields of a query-protocol request in the order written. Nested members are flattened the
/// protocol's way by the caller: <c>MessageAttributes.entry.1.Name</c>, <c>....Value.StringValue</c>.
/// </summary>
internal sealed class QueryForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>The fields written so far.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field when <paramref name="value"/> is set; absent members are not sent.</summary>
    public QueryForm Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>The form body, every name and value percent-encoded (RFC 3986, UTF-8).</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(string.Join(
        "&", _fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
}
