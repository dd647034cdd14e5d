using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class BootstrapTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public void CreateFunction_KnownHandler_CreatesIt()
    {
        var (function, error) = Create(new() { ["_HANDLER"] = "Echo" });

        Assert.IsType<EchoFunction>(function);
        Assert.Null(error);
    }

    [Fact]
    public void CreateFunction_UnknownHandler_NoSuchHandlerNamingTheValidOnes()
    {
        var (function, error) = Create(new() { ["_HANDLER"] = "ScaleNode" });

        Assert.Null(function);
        var expected = "Invalid configuration (1 problem): _HANDLER is 'ScaleNode', which names no DialControl " +
            $"function; valid handler names: {FunctionCatalog.Describe()}";
        Assert.Equal(new ErrorReport("Runtime.NoSuchHandler", expected), error);
    }

    [Fact]
    public void CreateFunction_NoHandler_NoSuchHandler()
    {
        var (_, error) = Create([]);

        Assert.Equal("Invalid configuration (1 problem): _HANDLER is not set; set it to one of: " +
            FunctionCatalog.Describe(), error!.ErrorMessage);
    }

    [Fact]
    public void CreateFunction_BadLogLevelAndBadFunctionSetting_ConfigInvalidNamingBoth()
    {
        var (function, error) = Create(new()
        {
            ["_HANDLER"] = "Echo", ["AWS_LAMBDA_LOG_LEVEL"] = "LOUD", ["ECHO_MAX_DELAY_MS"] = "-5",
        });

        Assert.Null(function);
        var expected = "Invalid configuration (2 problems): AWS_LAMBDA_LOG_LEVEL is 'LOUD'; expected one of " +
            "TRACE, DEBUG, INFO, WARN, ERROR, FATAL (default INFO); ECHO_MAX_DELAY_MS is '-5'; expected a whole " +
            "number of milliseconds from 0 to 900000 (default 10000)";
        Assert.Equal(new ErrorReport("Runtime.ConfigInvalid", expected), error);
    }

    [Fact]
    public void CreateFunction_BadLogLevelOnly_ConfigInvalid()
    {
        var (function, error) = Create(new() { ["_HANDLER"] = "Echo", ["AWS_LAMBDA_LOG_LEVEL"] = "verbose" });

        Assert.Null(function);
        Assert.Equal("Runtime.ConfigInvalid", error!.ErrorType);
    }

    [Fact]
    public void Create_FactoryFailsAndBadLogLevel_ErrorNamesBoth()
    {
        var settings = new Dictionary<string, string> { ["_HANDLER"] = "Echo", ["AWS_LAMBDA_LOG_LEVEL"] = "LOUD" };
        var host = new CapturedEnvironment(settings);

        var (function, error) = Bootstrap.Create(
            _ => throw new InvalidOperationException("The state table dialcontrol-state is unreadable"),
            host.Environment,
            [.. HostingSettings.Read(settings).Problems]);

        Assert.Null(function);
        Assert.Equal(("InvalidOperationException", "The state table dialcontrol-state is unreadable (also: Invalid " +
            "configuration (1 problem): AWS_LAMBDA_LOG_LEVEL is 'LOUD'; expected one of TRACE, DEBUG, INFO, WARN, " +
            "ERROR, FATAL (default INFO))"), (error!.ErrorType, error.ErrorMessage));
    }

    [Fact]
    public void Create_FactoryFailsWithGoodSettings_ReportsTheExceptionAlone()
    {
        var host = new CapturedEnvironment(new Dictionary<string, string> { ["_HANDLER"] = "Echo" });

        var (_, error) = Bootstrap.Create(_ => throw new InvalidOperationException("boom"), host.Environment, []);

        Assert.Equal(("InvalidOperationException", "boom"), (error!.ErrorType, error.ErrorMessage));
    }

    [Fact]
    public async Task RunAsync_OutsideLambda_ExitsWithUsage()
    {
        var stderr = new StringWriter();

        var exit = await Bootstrap.RunAsync([], new Dictionary<string, string>(), new StringWriter(), stderr, default);

        Assert.Equal(2, exit);
        Assert.StartsWith("AWS_LAMBDA_RUNTIME_API is not set, so this is not a Lambda execution environment; " +
            "to run the functions locally use --local-invoke.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--serve")]
    [InlineData("--local-invoke", "--port")]
    [InlineData("--local-invoke", "--port", "70000")]
    public async Task RunAsync_WrongArguments_ExitsWithUsage(params string[] args)
    {
        var stderr = new StringWriter();

        var exit = await Bootstrap.RunAsync(
            args, new Dictionary<string, string>(), new StringWriter(), stderr, default);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: bootstrap ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownHandler_PostsInitErrorAndExits1()
    {
        using var api = new FakeRuntimeApi();
        var stdout = new StringWriter();

        var exit = await Bootstrap.RunAsync([], Settings(api, "Nope"), stdout, new StringWriter(), default)
            .WaitAsync(Wait);

        Assert.Equal(1, exit);
        var post = Assert.Single(api.Posts);
        Assert.Equal(("init-error", "Runtime.NoSuchHandler"), (post.Kind, post.ErrorType));
        Assert.Equal("Runtime.NoSuchHandler", (string?)JsonNode.Parse(post.Body)!["errorType"]);
        var logged = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal(("FATAL", "echo-fn"), ((string?)logged["level"], (string?)logged["function"]));
        Assert.Equal(0, api.NextCalls);
    }

    [Fact]
    public async Task RunAsync_Echo_AnswersUntilCancelled()
    {
        using var api = new FakeRuntimeApi();
        using var stop = new CancellationTokenSource();
        api.Enqueue(new RuntimeApiEvent("req-1", "{\"n\":1}", TimeSpan.FromSeconds(30)));
        var running = Bootstrap.RunAsync([], Settings(api, "Echo"), new StringWriter(), new StringWriter(), stop.Token);

        var post = Assert.Single(await api.WaitForPostsAsync(1, Wait));
        await api.WaitForNextCallsAsync(2, Wait);
        await stop.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(Wait));
        Assert.Equal("{\"n\":1}", JsonNode.Parse(post.Body)!["payload"]!.ToJsonString());
    }

    private static Dictionary<string, string> Settings(FakeRuntimeApi api, string handler) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = api.Address, ["_HANDLER"] = handler, ["AWS_LAMBDA_FUNCTION_NAME"] = "echo-fn",
    };

    private static (ILambdaFunction? Function, ErrorReport? Error) Create(Dictionary<string, string> settings)
    {
        var host = new CapturedEnvironment(settings);
        return Bootstrap.CreateFunction(HostingSettings.Read(settings), host.Environment);
    }
}
