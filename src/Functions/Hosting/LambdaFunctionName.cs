namespace DialControl.Functions.Hosting;

/// <summary>
/// Reads the function name out of what the Lambda Invoke API accepts as <c>FunctionName</c>: a name
/// (<c>Echo</c>), a name with a qualifier (<c>Echo:$LATEST</c>), a partial ARN
/// (<c>123456789012:function:Echo</c>) or a full ARN (<c>arn:aws:lambda:us-east-1:123456789012:function:Echo</c>).
/// </summary>
internal static class LambdaFunctionName
{
    /// <summary>The bare function name in <paramref name="requested"/>.</summary>
    public static string Of(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var parts = requested.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function")
        {
            return parts[6];
        }

        if (parts.Length >= 3 && parts[1] == "function")
        {
            return parts[2];
        }

        return parts[0];
    }

    /// <summary>The function's ARN in <paramref name="region"/> and <paramref name="accountId"/>.</summary>
    public static string Arn(string region, string accountId, string name) =>
        $"arn:aws:lambda:{region}:{accountId}:function:{name}";
}
