namespace DialControl.Functions.Hosting;

/// <summary>
/// Settings that are missing or out of range, all of them at once. Thrown while a function is created
/// (cold start); the bootstrap reports it as an init error, so a bad deployment fails loudly once
/// instead of acting on a guess.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public ConfigurationException(string problem)
        : this([problem])
    {
    }

    /// <summary>Each problem: the setting, the value seen and the allowed form.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"Invalid configuration ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}): " +
            string.Join("; ", problems);
    }
}
