namespace DialControl.Functions.Failover;

/// <summary>
/// The execution input is invalid. Its type name is the error the state machine sees, and its
/// message names every bad field.
/// </summary>
internal sealed class FailoverInputException(IReadOnlyList<string> problems)
    : Exception("The failover input is invalid, so nothing was changed: " + string.Join("; ", problems) + ".")
{
    /// <summary>Each bad field: its name, the value seen and the allowed form.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
