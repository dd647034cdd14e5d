using System.Security.Cryptography;
using System.Text;

namespace DialControl.Functions.Scaling;

/// <summary>
/// The EKS <c>clientRequestToken</c> of a change: a hash of the event key and the node group, so every
/// delivery and every retry of one event sends the same token and EKS makes one update of them.
/// </summary>
internal static class ScaleRequestToken
{
    /// <summary>A GUID-shaped token (36 characters) for the event and node group.</summary>
    public static string For(string eventKey, string cluster, string nodeGroup)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{eventKey}\n{cluster}/{nodeGroup}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
