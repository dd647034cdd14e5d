namespace DialControl.Functions.Hosting;

/// <summary>
/// One DialControl function: takes the raw event JSON and returns the response JSON. The bootstrap
/// and the local Invoke API both call it through <see cref="FunctionTable"/>.
/// </summary>
public interface ILambdaFunction
{
    /// <summary>
    /// Handles one invocation. An exception becomes a Lambda invocation error (errorType = the
    /// exception's type name, errorMessage = its message); the runtime loop goes on.
    /// </summary>
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context);
}
