using System.Diagnostics.CodeAnalysis;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Every handler name the bootstrap and the local Invoke API accept: the reactions of
/// <see cref="FunctionTable"/> (what the template deploys) and the built-in diagnostic functions,
/// which no template deploys but any function's handler can be switched to.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>The built-in functions: <c>Echo</c> (<see cref="EchoFunction"/>).</summary>
    public static IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> BuiltIn { get; } =
        new Dictionary<string, Func<FunctionEnvironment, ILambdaFunction>>(StringComparer.Ordinal)
        {
            [EchoFunction.HandlerName] = EchoFunction.Create,
        };

    /// <summary>The reactions and the built-ins, by handler name (case-sensitive).</summary>
    public static IReadOnlyDictionary<string, Func<FunctionEnvironment, ILambdaFunction>> All { get; } = Merge();

    /// <summary>The factory for <paramref name="handler"/>, if it names a function.</summary>
    public static bool TryResolve(
        string? handler, [NotNullWhen(true)] out Func<FunctionEnvironment, ILambdaFunction>? factory)
    {
        factory = null;
        return handler is not null && All.TryGetValue(handler, out factory);
    }

    /// <summary>The handler names, sorted, comma-separated: for error messages.</summary>
    public static string Describe() => Describe(All.Keys);

    /// <summary><paramref name="names"/>, sorted, comma-separated.</summary>
    public static string Describe(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private static Dictionary<string, Func<FunctionEnvironment, ILambdaFunction>> Merge()
    {
        var all = new Dictionary<string, Func<FunctionEnvironment, ILambdaFunction>>(
            FunctionTable.Functions, StringComparer.Ordinal);
        foreach (var (name, factory) in BuiltIn)
        {
            if (!all.TryAdd(name, factory))
            {
                throw new InvalidOperationException(
                    $"FunctionTable defines '{name}', the name of a built-in function; rename the reaction.");
            }
        }

        return all;
    }
}
