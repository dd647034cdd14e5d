using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class LocalInvokeServerTests : IDisposable
{
    private const string Region = "eu-west-1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CapturedEnvironment _host = new(
        new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5999" },
        time: TimeProvider.System);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, Func<FunctionEnvironment, ILambdaFunction>> _functions =
        new(FunctionCatalog.All);
    private readonly LocalInvokeServer _server;

    public LocalInvokeServerTests()
    {
        _functions["Endpoint"] = environment => StubFunction.Returning($"\"{environment.Get("AWS_ENDPOINT_URL")}\"");
        _functions["Misconfigured"] =
            _ => throw new ConfigurationException(["STATE_TABLE is not set", "PEER_REGION is ''"]);
        _server = new LocalInvokeServer(_host.Environment, new LocalInvokeOptions
        {
            Functions = _functions,
            Aliases = new Dictionary<string, string> { ["dialcontrol-echo"] = "Echo" },
            Timeout = TimeSpan.FromSeconds(60),
        });
        _server.Start();
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Invoke_ByHandlerName_Returns200WithTheResponse()
    {
        using var response = await InvokeAsync("Echo", "{\"alarm\":\"cpu\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("{\"alarm\":\"cpu\"}", body["payload"]!.ToJsonString());
        Assert.Equal(("Echo", "arn:aws:lambda:eu-west-1:123456789012:function:Echo"),
            ((string?)body["function"], (string?)body["invokedFunctionArn"]));
        Assert.InRange((int)body["remainingMs"]!, 50_000, 60_000);
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:Echo", "Echo")]
    [InlineData("arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3AEcho%3A%24LATEST", "Echo")]
    [InlineData("123456789012:function:Echo", "Echo")]
    [InlineData("dialcontrol-echo", "dialcontrol-echo")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:dialcontrol-echo", "dialcontrol-echo")]
    public async Task Invoke_ByArnOrAlias_RunsTheHandler(string requested, string functionName)
    {
        using var response = await InvokeAsync(requested, "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(functionName, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["function"]);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_UnhandledFunctionError()
    {
        using var response = await InvokeAsync("Echo", "{\"fail\":\"drill\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("{\"errorType\":\"InvalidOperationException\",\"errorMessage\":\"Echo was asked to fail: drill\"}",
            await response.Content.ReadAsStringAsync());
        var logged = Assert.Single(_host.Json, line => (string?)line["level"] == "ERROR");
        Assert.Equal("Echo", (string?)logged["function"]);
        Assert.NotNull((string?)logged["requestId"]);
    }

    [Fact]
    public async Task Invoke_FunctionCannotStart_UnhandledConfigInvalidNamingEveryProblem()
    {
        using var response = await InvokeAsync("Misconfigured", "{}");

        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("{\"errorType\":\"Runtime.ConfigInvalid\"," +
            "\"errorMessage\":\"Invalid configuration (2 problems): STATE_TABLE is not set; PEER_REGION is ''\"}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_UnknownFunction_404ResourceNotFound()
    {
        using var response = await InvokeAsync("ScaleNode", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        var served = FunctionCatalog.Describe(_functions.Keys.Append("dialcontrol-echo"));
        Assert.Equal("{\"Type\":\"User\",\"Message\":\"Function not found: " +
            $"arn:aws:lambda:eu-west-1:123456789012:function:ScaleNode; this local Invoke API serves: {served}\"}}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_OtherPath_404UnknownOperation()
    {
        using var response = await _http.GetAsync(new Uri(_server.Url, "/2015-03-31/functions/Echo"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_FunctionsGetTheServersEnvironment()
    {
        using var response = await InvokeAsync("Endpoint", "{}");

        Assert.Equal("\"http://127.0.0.1:5999\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_EventType_202AndRunsInTheBackground()
    {
        var ran = new TaskCompletionSource<string>();
        _functions["Background"] = _ => new StubFunction((payload, _) =>
        {
            ran.SetResult(payload);
            return Task.FromResult("{}");
        });

        using var response = await InvokeAsync("Background", "{\"async\":true}", "Event");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("{\"async\":true}", await ran.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task Invoke_DryRun_204WithoutRunning()
    {
        using var response = await InvokeAsync("Echo", "{\"fail\":\"must not run\"}", "DryRun");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(_host.Json, line => (string?)line["level"] == "ERROR");
    }

    [Fact]
    public async Task Invoke_UnknownInvocationType_400()
    {
        using var response = await InvokeAsync("Echo", "{}", "Later");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValueException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_PayloadOver6MB_413()
    {
        var payload = "\"" + new string('x', LocalInvokeServer.MaxPayloadBytes) + "\"";

        using var response = await InvokeAsync("Echo", payload);

        Assert.Equal((HttpStatusCode)413, response.StatusCode);
        Assert.Equal("RequestTooLargeException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_ConcurrentCalls_EachInstanceHandlesOneEventAtATime()
    {
        var created = 0;
        var bothStarted = new TaskCompletionSource();
        var inside = 0;
        _functions["Slow"] = _ =>
        {
            Interlocked.Increment(ref created);
            return new StubFunction(async (_, _) =>
            {
                if (Interlocked.Increment(ref inside) == 2)
                {
                    bothStarted.SetResult();
                }

                await bothStarted.Task.WaitAsync(Wait);
                return "{}";
            });
        };

        var first = InvokeAsync("Slow", "{}");
        var second = InvokeAsync("Slow", "{}");
        (await first).Dispose();
        (await second).Dispose();
        (await InvokeAsync("Slow", "{}")).Dispose();

        Assert.Equal(2, created);
    }

    [Fact]
    public void Boto3_Invoke_ReadsPayloadAndFunctionError()
    {
        var results = Boto3.Call(
            _server.Url.ToString().TrimEnd('/'),
            new Boto3Call("lambda", "invoke", new { FunctionName = "Echo", Payload = "{\"from\":\"boto3\"}" }, Region),
            new Boto3Call("lambda", "invoke", new { FunctionName = "Echo", Payload = "{\"fail\":\"x\"}" }, Region));
        var response = JsonNode.Parse((string)results[0]!["Payload"]!)!;
        var error = JsonNode.Parse((string)results[1]!["Payload"]!)!;

        Assert.Equal(200, (int)results[0]!["StatusCode"]!);
        Assert.Equal("{\"from\":\"boto3\"}", response["payload"]!.ToJsonString());
        Assert.Equal("Unhandled", (string?)results[1]!["FunctionError"]);
        Assert.Equal("InvalidOperationException", (string?)error["errorType"]);
    }

    [Fact]
    public void Boto3_InvokeUnknownFunction_ResourceNotFoundException()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Boto3.Call(_server.Url.ToString().TrimEnd('/'),
            new Boto3Call("lambda", "invoke", new { FunctionName = "Nope" }, Region)));

        Assert.Contains("An error occurred (ResourceNotFoundException) when calling the Invoke operation: " +
            "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:Nope",
            failure.Message,
            StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> InvokeAsync(string name, string payload, string? invocationType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(_server.Url, $"/2015-03-31/functions/{name}/invocations"))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (invocationType is not null)
        {
            request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        }

        return await _http.SendAsync(request);
    }
}
