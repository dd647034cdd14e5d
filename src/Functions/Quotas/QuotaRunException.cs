namespace DialControl.Functions.Quotas;

/// <summary>
/// Some targets could not be evaluated or announced because an AWS call failed. Thrown after every
/// other target was handled, so Lambda records an error and retries; the level store keeps the
/// retry from announcing or requesting anything twice.
/// </summary>
public sealed class QuotaRunException : Exception
{
    /// <summary>Creates the exception from each failed target and its reason.</summary>
    public QuotaRunException(IReadOnlyList<string> failures)
        : base($"{failures?.Count} Bedrock quota target(s) failed: {string.Join("; ", failures ?? [])}")
    {
        Failures = failures ?? [];
    }

    /// <summary>Each failed target: model, region and what failed.</summary>
    public IReadOnlyList<string> Failures { get; }
}
