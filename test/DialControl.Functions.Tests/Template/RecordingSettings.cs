using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DialControl.Functions.Tests.Template;

/// <summary>
/// Settings that remember every name the code looks up, so the tests learn from the code itself
/// which environment variables a function reads. Enumeration throws: code that walks all settings
/// would hide what it reads, and the test should say so rather than pass.
/// </summary>
internal sealed class RecordingSettings(IReadOnlyDictionary<string, string> inner) : IReadOnlyDictionary<string, string>
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Every name looked up so far.</summary>
    public IReadOnlySet<string> Read => _read;

    public int Count => inner.Count;

    public IEnumerable<string> Keys => throw Enumerated();

    public IEnumerable<string> Values => throw Enumerated();

    public string this[string key]
    {
        get
        {
            _read.Add(key);
            return inner[key];
        }
    }

    public bool ContainsKey(string key)
    {
        _read.Add(key);
        return inner.ContainsKey(key);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        _read.Add(key);
        return inner.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => throw Enumerated();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static InvalidOperationException Enumerated() =>
        new("the code enumerated its settings, so the template tests cannot tell which ones it reads");
}
