using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using DialControl.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DialControl.Functions.Tests.Hosting;

/// <summary>The published Native AOT bootstrap, run as Lambda runs it, against a fake Runtime API.</summary>
[Collection(PublishedBootstrapGroup.Name)]
public sealed partial class PublishedBootstrapTests(PublishedBootstrap published, ITestOutputHelper output)
{
    /// <summary>Amazon Linux 2023 (provided.al2023) ships glibc 2.34.</summary>
    private static readonly Version NewestGlibc = new(2, 34);

    private const long ZipLimitBytes = 10_000_000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void Publish_NativeAot_NoAotOrTrimWarnings()
    {
        Assert.Contains("Generating native code", published.PublishOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("warning IL", published.PublishOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AOT analysis", published.PublishOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(": warning ", published.PublishOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Executable_GlibcSymbolVersions_NoNewerThan2_34()
    {
        var objdump = ToolLocator.Require("objdump", "install binutils: apt-get install -y binutils");
        var (exit, symbols, error) = ToolLocator.Run(objdump, ["-T", published.Executable]);
        Assert.True(exit == 0, $"objdump -T failed: {error}");

        var versions = GlibcVersion().Matches(symbols)
            .Select(m => Version.Parse(m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(versions);
        output.WriteLine($"glibc versions needed: {string.Join(", ", versions.Order())}");
        var newest = $"GLIBC_{versions.Max()}";
        var needing = symbols.Split('\n').Where(l => l.Contains(newest, StringComparison.Ordinal));
        Assert.True(versions.Max() <= NewestGlibc,
            $"bootstrap needs {newest}, newer than Amazon Linux 2023's {NewestGlibc}: {string.Join('\n', needing)}");
    }

    [Fact]
    public void Zip_Bootstrap_Under10MB()
    {
        var zip = Path.Combine(published.Folder, "..", Path.GetFileName(published.Folder) + ".zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(published.Executable, "bootstrap", CompressionLevel.Optimal);
        }

        var size = new FileInfo(zip).Length;
        File.Delete(zip);

        output.WriteLine($"bootstrap {new FileInfo(published.Executable).Length} bytes, zipped {size} bytes");
        Assert.True(size < ZipLimitBytes, $"the zipped bootstrap is {size} bytes; the limit is {ZipLimitBytes}");
    }

    [Fact]
    public async Task Bootstrap_Success_PostsTheResponseAndLogsJsonLines()
    {
        using var api = new FakeRuntimeApi();
        api.Enqueue(new RuntimeApiEvent("req-ok", "{\"alarm\":\"cpu-high\"}", TimeSpan.FromSeconds(60),
            "Root=1-aot;Sampled=1", "arn:aws:lambda:eu-west-1:111122223333:function:dial-echo"));
        using var bootstrap = Start(api, "Echo", ("AWS_LAMBDA_LOG_LEVEL", "DEBUG"));

        var post = Assert.Single(await api.WaitForPostsAsync(1, Wait));

        Assert.Equal(("response", "req-ok"), (post.Kind, post.RequestId));
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("{\"alarm\":\"cpu-high\"}", body["payload"]!.ToJsonString());
        Assert.Equal(("dial-echo", "Root=1-aot;Sampled=1", "arn:aws:lambda:eu-west-1:111122223333:function:dial-echo"),
            ((string?)body["function"], (string?)body["traceId"], (string?)body["invokedFunctionArn"]));
        var finished = await bootstrap.WaitForLineAsync(line => (string?)line["level"] == "DEBUG", Wait);
        Assert.Equal(("req-ok", "dial-echo", "DialControl.Hosting.Bootstrap"),
            ((string?)finished["requestId"], (string?)finished["function"], (string?)finished["category"]));
        Assert.Matches(
            "^dial-echo finished in [0-9]+ ms with a response of [0-9]+ bytes$", (string?)finished["message"]);
    }

    [Fact]
    public async Task Bootstrap_HandlerError_PostsInvocationErrorAndHandlesTheNextEvent()
    {
        using var api = new FakeRuntimeApi();
        api.Enqueue(new RuntimeApiEvent("req-fail", "{\"fail\":\"drill\"}", TimeSpan.FromSeconds(60)),
            new RuntimeApiEvent("req-next", "{\"n\":2}", TimeSpan.FromSeconds(60)));
        using var bootstrap = Start(api, "Echo");

        var posts = await api.WaitForPostsAsync(2, Wait);

        Assert.Equal(
            ("error", "req-fail", "InvalidOperationException"),
            (posts[0].Kind, posts[0].RequestId, posts[0].ErrorType));
        var error = JsonNode.Parse(posts[0].Body)!;
        Assert.Equal(("InvalidOperationException", "Echo was asked to fail: drill"),
            ((string?)error["errorType"], (string?)error["errorMessage"]));
        Assert.Equal(("response", "req-next"), (posts[1].Kind, posts[1].RequestId));
        var logged = await bootstrap.WaitForLineAsync(line => (string?)line["level"] == "ERROR", Wait);
        Assert.Equal(
            ("req-fail", "InvalidOperationException"),
            ((string?)logged["requestId"], (string?)logged["exceptionType"]));
    }

    [Fact]
    public async Task Bootstrap_UnknownHandler_PostsInitErrorAndExits1()
    {
        using var api = new FakeRuntimeApi();
        using var bootstrap = Start(api, "ScaleNode");

        Assert.Equal(1, await bootstrap.WaitForExitAsync(Wait));

        var post = Assert.Single(api.Posts);
        Assert.Equal(("init-error", "Runtime.NoSuchHandler"), (post.Kind, post.ErrorType));
        Assert.Equal("{\"errorType\":\"Runtime.NoSuchHandler\",\"errorMessage\":\"Invalid configuration (1 problem): " +
            "_HANDLER is 'ScaleNode', which names no DialControl function; valid handler names: " +
            $"{Functions.Hosting.FunctionCatalog.Describe()}\"}}", post.Body);
        Assert.Equal(0, api.NextCalls);
        Assert.Equal("FATAL", (string?)Assert.Single(bootstrap.StdoutJson)["level"]);
    }

    [Fact]
    public async Task Bootstrap_BadConfiguration_PostsInitErrorNamingEverySettingAndExits1()
    {
        using var api = new FakeRuntimeApi();
        using var bootstrap = Start(api, "Echo", ("AWS_LAMBDA_LOG_LEVEL", "LOUD"), ("ECHO_MAX_DELAY_MS", "ten"));

        Assert.Equal(1, await bootstrap.WaitForExitAsync(Wait));

        var post = Assert.Single(api.Posts);
        Assert.Equal(("init-error", "Runtime.ConfigInvalid"), (post.Kind, post.ErrorType));
        Assert.Equal("Invalid configuration (2 problems): AWS_LAMBDA_LOG_LEVEL is 'LOUD'; expected one of " +
            "TRACE, DEBUG, INFO, WARN, ERROR, FATAL (default INFO); ECHO_MAX_DELAY_MS is 'ten'; expected a whole " +
            "number of milliseconds from 0 to 900000 (default 10000)",
            (string?)JsonNode.Parse(post.Body)!["errorMessage"]);
    }

    [Fact]
    public async Task Bootstrap_DeadlineNear_CancellationFiresBeforeTheDeadline()
    {
        using var api = new FakeRuntimeApi();
        api.Enqueue(new RuntimeApiEvent("req-slow", "{\"delayMs\":60000}", TimeSpan.FromSeconds(3)));
        using var bootstrap = Start(api, "Echo", ("ECHO_MAX_DELAY_MS", "60000"));

        var post = Assert.Single(await api.WaitForPostsAsync(1, Wait));

        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal(("response", true), (post.Kind, (bool)body["cancelled"]!));
        Assert.InRange((int)body["remainingMs"]!, 0, 300);
        Assert.True(post.ReceivedAt <= post.Deadline,
            $"the response arrived at {post.ReceivedAt:O}, after the deadline {post.Deadline:O}");
        var early = (post.Deadline!.Value - post.ReceivedAt).TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(
            $"waited {body["waitedMs"]} ms, {body["remainingMs"]} ms left, posted {early} ms before the deadline");
    }

    [Fact]
    public async Task LocalInvoke_FromTheExecutable_ServesTheInvokeApi()
    {
        using var bootstrap = new BootstrapProcess(published.Executable,
            new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" }, "--local-invoke", "--port", "0");
        var listening = await bootstrap.WaitForLineAsync(line => line["Url"] is not null, Wait);
        using var http = new HttpClient();

        var invoke = new Uri(new Uri((string)listening["Url"]!), "/2015-03-31/functions/Echo/invocations");

        using var response = await http.PostAsync(invoke, new StringContent("{\"local\":true}"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("{\"local\":true}", "arn:aws:lambda:eu-west-1:123456789012:function:Echo"),
            (body["payload"]!.ToJsonString(), (string?)body["invokedFunctionArn"]));
    }

    private BootstrapProcess Start(FakeRuntimeApi api, string handler, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = handler == "Echo" ? "dial-echo" : handler,
            ["AWS_REGION"] = "eu-west-1",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new BootstrapProcess(published.Executable, environment);
    }

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();
}
