using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Support;

/// <summary>Compares a request DialControl sent with the one botocore serialises for the same parameters.</summary>
internal static class Contract
{
    public static void AssertSameAsBotocore(CapturedRequest sent, WireRequest expected)
    {
        var actual = WireRequest.FromCaptured(sent);
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(Flatten(expected.Query), Flatten(actual.Query));
        foreach (var (name, value) in expected.Headers)
        {
            Assert.True(actual.Headers.TryGetValue(name, out var sentValue), $"header {name} was not sent");
            Assert.Equal(NormalizeContentType(value), NormalizeContentType(sentValue!));
        }

        Assert.Equal(expected.CanonicalBody(), actual.CanonicalBody());
    }

    private static string Flatten(IReadOnlyDictionary<string, string[]> query) =>
        string.Join("&", query.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Order(StringComparer.Ordinal).Select(v => $"{p.Key}={v}")));

    // "charset=utf-8" and "charset=UTF-8" are the same media type parameter.
    private static string NormalizeContentType(string value) =>
        value.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
