namespace DialControl.Functions.Hosting;

/// <summary>
/// The Runtime API answered in a way the runtime cannot continue from (a 5xx, a missing request id):
/// the documented reaction is to exit, and Lambda starts a fresh execution environment.
/// </summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RuntimeApiException()
    {
    }
}
