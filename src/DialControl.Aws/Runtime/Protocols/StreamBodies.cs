using Amazon.Runtime.Internal.Transform;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>Reads response bodies whole: DialControl's responses are small and never streamed.</summary>
internal static class StreamBodies
{
    public static byte[] ReadAll(Stream? stream)
    {
        if (stream is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The body of an error response. AWSSDK.Core keeps a copy of error bodies; when it did not, the
    /// stream is still unread.
    /// </summary>
    public static byte[] ErrorBody(UnmarshallerContext context)
    {
        var kept = context.GetResponseBodyBytes();
        if (kept is { Length: > 0 })
        {
            return kept;
        }

        return context switch
        {
            JsonUnmarshallerContext json => ReadAll(json.Stream),
            XmlUnmarshallerContext xml => ReadAll(xml.Stream),
            _ => [],
        };
    }
}
