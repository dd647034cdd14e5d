using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class RuntimeLoopTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CapturedEnvironment _host = new();
    private readonly FakeRuntimeApi _api;

    public RuntimeLoopTests()
    {
        _api = new FakeRuntimeApi(_host.Time);
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task RunAsync_Success_PostsResponseAndGivesContext()
    {
        string? traceSeen = null;
        var function = new StubFunction((payload, _) =>
        {
            traceSeen = Environment.GetEnvironmentVariable(RuntimeLoop.TraceVariable);
            return Task.FromResult("{\"echo\":" + payload + "}");
        });
        _api.Enqueue(new RuntimeApiEvent("req-1", "{\"a\":1}", TimeSpan.FromSeconds(30), "Root=1-abc;Sampled=1",
            "arn:aws:lambda:eu-west-1:111122223333:function:scale-nodes"));

        var handled = await RunAsync(function, invocations: 1);

        Assert.Equal(1, handled);
        var post = Assert.Single(_api.Posts);
        Assert.Equal(("response", "req-1", "{\"echo\":{\"a\":1}}", "application/json"),
            (post.Kind, post.RequestId, post.Body, post.ContentType));
        var context = Assert.Single(function.Contexts);
        Assert.Equal(("req-1", "scale-nodes-fn", "arn:aws:lambda:eu-west-1:111122223333:function:scale-nodes"),
            (context.AwsRequestId, context.FunctionName, context.InvokedFunctionArn));
        Assert.Equal(CapturedEnvironment.Start.AddSeconds(30), context.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(30), context.RemainingTime);
        Assert.Equal("Root=1-abc;Sampled=1", context.TraceId);
        Assert.Equal("Root=1-abc;Sampled=1", traceSeen);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsInvocationErrorAndTakesNextEvent()
    {
        var function = new StubFunction((payload, _) => payload == "1"
            ? throw new InvalidOperationException("Node group ng-1 of cluster dial is DEGRADED; not scaled.")
            : Task.FromResult("\"second\""));
        _api.Enqueue(new RuntimeApiEvent("req-1", "1", TimeSpan.FromSeconds(30)),
            new RuntimeApiEvent("req-2", "2", TimeSpan.FromSeconds(30)));

        await RunAsync(function, invocations: 2);

        var posts = _api.Posts;
        Assert.Equal(2, posts.Count);
        Assert.Equal(
            ("error", "req-1", "InvalidOperationException"),
            (posts[0].Kind, posts[0].RequestId, posts[0].ErrorType));
        var error = JsonNode.Parse(posts[0].Body)!.AsObject();
        Assert.Equal("InvalidOperationException", (string?)error["errorType"]);
        Assert.Equal("Node group ng-1 of cluster dial is DEGRADED; not scaled.", (string?)error["errorMessage"]);
        var firstFrame = error["stackTrace"]!.AsArray()[0]!.GetValue<string>();
        Assert.Contains("RuntimeLoopTests", firstFrame, StringComparison.Ordinal);
        Assert.Equal(("response", "req-2", "\"second\""), (posts[1].Kind, posts[1].RequestId, posts[1].Body));
        var logged = Assert.Single(_host.Json, line => (string?)line["level"] == "ERROR");
        Assert.Equal("scale-nodes-fn failed after 0 ms with InvalidOperationException: Node group ng-1 of " +
            "cluster dial is DEGRADED; not scaled.; reported as an invocation error, the runtime takes the next event",
            (string?)logged["message"]);
        Assert.Equal(
            ("req-1", "InvalidOperationException"),
            ((string?)logged["requestId"], (string?)logged["exceptionType"]));
    }

    [Fact]
    public async Task RunAsync_DeadlineNear_CancellationFiresTenPercentBeforeIt()
    {
        var started = new TaskCompletionSource<CancellationToken>();
        var function = new StubFunction(async (_, context) =>
        {
            started.SetResult(context.CancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, _host.Time, context.CancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return $"{{\"remainingMs\":{context.RemainingTime.TotalMilliseconds}}}";
        });
        _api.Enqueue(new RuntimeApiEvent("req-1", "{}", TimeSpan.FromSeconds(3)));
        var loop = RunAsync(function, invocations: 1);
        var token = await started.Task.WaitAsync(Wait);

        _host.Clock.Advance(TimeSpan.FromMilliseconds(2699));
        Assert.False(token.IsCancellationRequested);
        _host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await loop.WaitAsync(Wait);

        Assert.True(token.IsCancellationRequested);
        Assert.Equal("{\"remainingMs\":300}", Assert.Single(_api.Posts).Body);
    }

    [Fact]
    public async Task RunAsync_ResponseRefused_LogsTheRefusalAndTakesNextEvent()
    {
        _api.PostStatus = 413;
        _api.Enqueue(new RuntimeApiEvent("req-1", "{}", TimeSpan.FromSeconds(30)),
            new RuntimeApiEvent("req-2", "{}", TimeSpan.FromSeconds(30)));

        var handled = await RunAsync(StubFunction.Returning("{}"), invocations: 2);

        Assert.Equal(2, handled);
        var refusals = _host.Json.Where(line => (string?)line["level"] == "ERROR").ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Equal("The Runtime API refused the response of this invocation (HTTP 413: {\"status\":\"OK\"}); " +
            "Lambda reports the invocation as failed, and the runtime takes the next event",
            (string?)refusals[0]["message"]);
        Assert.Equal("req-2", (string?)refusals[1]["requestId"]);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiAnswers500_ThrowsSoTheProcessExits()
    {
        _api.PostStatus = 500;
        _api.Enqueue(new RuntimeApiEvent("req-1", "{}", TimeSpan.FromSeconds(30)));

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => RunAsync(StubFunction.Returning("{}"), 5));

        Assert.Equal("POST /2018-06-01/runtime/invocation/req-1/response answered HTTP 500 ({\"status\":\"OK\"}); " +
            "the runtime exits.", failure.Message);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsTheCountHandled()
    {
        using var cancellation = new CancellationTokenSource();
        using var loop = new RuntimeLoop(_api.BaseUrl, StubFunction.Returning("{}"), "scale-nodes-fn", _host.Time,
            _host.Loggers.CreateLogger("test"));
        var running = loop.RunAsync(cancellation.Token);
        await _api.WaitForNextCallsAsync(1, Wait);

        await cancellation.CancelAsync();

        Assert.Equal(0, await running.WaitAsync(Wait));
    }

    private async Task<int> RunAsync(ILambdaFunction function, int invocations)
    {
        using var loop = new RuntimeLoop(_api.BaseUrl, function, "scale-nodes-fn", _host.Time,
            _host.Loggers.CreateLogger("DialControl.Hosting.Bootstrap"), handled => handled >= invocations);
        return await loop.RunAsync().WaitAsync(Wait);
    }
}
