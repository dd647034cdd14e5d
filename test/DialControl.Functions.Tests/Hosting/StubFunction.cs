using System.Text;
using DialControl.Functions.Hosting;

namespace DialControl.Functions.Tests.Hosting;

/// <summary>A function whose behaviour a test writes inline; records each context it was given.</summary>
internal sealed class StubFunction(Func<string, ILambdaContext, Task<string>> handle) : ILambdaFunction
{
    private readonly List<ILambdaContext> _contexts = [];

    public IReadOnlyList<ILambdaContext> Contexts
    {
        get
        {
            lock (_contexts)
            {
                return [.. _contexts];
            }
        }
    }

    public static StubFunction Returning(string response) => new((_, _) => Task.FromResult(response));

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return Encoding.UTF8.GetBytes(await handle(Encoding.UTF8.GetString(payload.Span), context));
    }
}
