using System.Text.Json.Serialization;

namespace DialControl.Functions.Hosting;

/// <summary>
/// The body of an error from the Lambda service itself (not from a function), as the Invoke API sends
/// it beside the <c>x-amzn-ErrorType</c> header: <c>{"Type": "User", "Message": "..."}</c>.
/// </summary>
/// <param name="Type">Who is at fault: User or Service.</param>
/// <param name="Message">The message.</param>
internal sealed record LambdaServiceError(
    [property: JsonPropertyName("Type")] string Type,
    [property: JsonPropertyName("Message")] string Message);
