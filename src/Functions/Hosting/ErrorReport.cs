namespace DialControl.Functions.Hosting;

/// <summary>
/// The error document the Lambda Runtime API takes (invocation and init errors) and the local Invoke
/// API returns with <c>X-Amz-Function-Error</c>: <c>{"errorType", "errorMessage", "stackTrace"?}</c>.
/// </summary>
/// <param name="ErrorType">The exception's type name, or a <c>Runtime.*</c> reason for init errors.</param>
/// <param name="ErrorMessage">What went wrong, for the on-call engineer.</param>
/// <param name="StackTrace">The frames of the exception, when there was one.</param>
internal sealed record ErrorReport(string ErrorType, string ErrorMessage, IReadOnlyList<string>? StackTrace = null)
{
    /// <summary>Init error type: _HANDLER names no function.</summary>
    public const string NoSuchHandler = "Runtime.NoSuchHandler";

    /// <summary>Init error type: one or more settings are missing or invalid.</summary>
    public const string ConfigInvalid = "Runtime.ConfigInvalid";

    /// <summary>The report of a handler's exception: its type name, message and stack frames.</summary>
    public static ErrorReport From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = exception.StackTrace?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(50)
            .ToArray();
        return new ErrorReport(exception.GetType().Name, exception.Message, frames);
    }
}
