namespace DialControl.Functions.Hosting;

/// <summary>
/// Keeps secrets out of log lines: the value of any field whose name contains secret, password, token,
/// credential or authorization (any case) is written as <see cref="Redacted"/>, in the fields and in
/// the rendered message alike. The match is on the name, so it also hides harmless values such as an
/// idempotency token; that is the price of never printing a session token.
/// </summary>
public static class LogRedaction
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Redacted = "[REDACTED]";

    private static readonly string[] SensitiveParts = ["secret", "password", "token", "credential", "authorization"];

    /// <summary>Whether a field called <paramref name="name"/> must not be logged.</summary>
    public static bool IsSensitive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var part in SensitiveParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
