namespace DialControl.Functions.Hosting;

/// <summary>How a <see cref="LocalInvokeServer"/> listens and which functions it serves.</summary>
public sealed class LocalInvokeOptions
{
    /// <summary>
    /// The port on 127.0.0.1; 0 (the default) picks a free one, see <see cref="LocalInvokeServer.Port"/>.
    /// </summary>
    public int Port { get; init; }

    /// <summary>
    /// The time each invocation gets before its deadline (the function's timeout in the template).
    /// Default 300 s; the context's cancellation fires shortly before it, as in Lambda.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Other names for handlers: a deployed function name (the template's <c>FunctionName</c>) to the
    /// handler name it runs, so a caller holding a deployed name or its ARN reaches the right function.
    /// Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The functions served, by handler name. Default: <see cref="FunctionCatalog.All"/>, the same table
    /// as the bootstrap's. Tests may serve stand-ins.
    /// </summary>
    public IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>>? Functions { get; init; }

    /// <summary>The account id in the ARNs given to functions. Default 123456789012 (moto's).</summary>
    public string AccountId { get; init; } = "123456789012";
}
