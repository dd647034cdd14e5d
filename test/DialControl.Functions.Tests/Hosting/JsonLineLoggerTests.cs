using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

// These tests drive the logger through the ad-hoc extension methods a handler might call, with templates
// chosen to probe it (a lower-case hole that collides with a fixed key included).
#pragma warning disable CA1848, CA1873, CA1727

namespace DialControl.Functions.Tests.Hosting;

public sealed class JsonLineLoggerTests
{
    private readonly CapturedEnvironment _host = new(level: LogLevel.Information);

    [Fact]
    public void Log_Template_WritesFixedKeysThenItsFields()
    {
        Logger().LogInformation("Scaled {NodeGroup} from {From} to {DesiredSize} nodes", "ng-core", 3, 4);

        Assert.Equal("{\"time\":\"2026-01-15T12:00:00.000Z\",\"level\":\"INFO\"," +
            "\"message\":\"Scaled ng-core from 3 to 4 nodes\",\"requestId\":null,\"function\":\"test-function\"," +
            "\"category\":\"DialControl.Scaling\"," +
            "\"NodeGroup\":\"ng-core\",\"From\":3,\"DesiredSize\":4}", Assert.Single(_host.Lines));
    }

    [Fact]
    public void Log_InsideInvocation_TakesRequestIdAndFunctionFromIt()
    {
        using (InvocationScope.Begin("req-42", "scale-nodes"))
        {
            Logger().LogWarning("Throttled");
        }

        Logger().LogWarning("After");

        var lines = _host.Json;
        Assert.Equal(("WARN", "req-42", "scale-nodes"),
            ((string?)lines[0]["level"], (string?)lines[0]["requestId"], (string?)lines[0]["function"]));
        Assert.Equal((null, "test-function"), ((string?)lines[1]["requestId"], (string?)lines[1]["function"]));
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        Logger().LogDebug("Skipped ng-core: inside cooldown");

        Assert.Empty(_host.Lines);
    }

    [Fact]
    public void Log_SensitiveFields_RedactedInFieldsAndMessage()
    {
        Logger().LogInformation(
            "Assumed {RoleArn} with {SessionToken} and {ClientSecret}", "arn:role", "FQoGZX", "s3cr3t");

        var line = Assert.Single(_host.Lines);
        Assert.Contains(
            "\"message\":\"Assumed arn:role with [REDACTED] and [REDACTED]\"", line, StringComparison.Ordinal);
        Assert.Contains(
            "\"SessionToken\":\"[REDACTED]\",\"ClientSecret\":\"[REDACTED]\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("FQoGZX", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_DictionaryAndScopeFields_SensitiveKeysRedacted()
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "AWS4-HMAC-SHA256 x", ["Host"] = "eks" };
        var scope = new Dictionary<string, object?> { ["DbPassword"] = "hunter2", ["Region"] = "eu-west-1" };
        using (Logger().BeginScope(scope))
        {
            Logger().LogInformation("Request {Headers}", headers);
        }

        var line = Assert.Single(_host.Lines);
        Assert.Contains("\"message\":\"Request {Authorization=[REDACTED], Host=eks}\"", line, StringComparison.Ordinal);
        Assert.Contains(
            "\"Headers\":{\"Authorization\":\"[REDACTED]\",\"Host\":\"eks\"}", line, StringComparison.Ordinal);
        Assert.Contains("\"DbPassword\":\"[REDACTED]\",\"Region\":\"eu-west-1\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
        Assert.DoesNotContain("HMAC", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_Exception_AddsItsTypeAndMessage()
    {
        var failure = new TimeoutException("EKS DescribeNodegroup did not answer in 10 s");

        Logger().LogError(failure, "Could not read {NodeGroup}", "ng-core");

        var line = Assert.Single(_host.Json);
        Assert.Equal(("ERROR", "TimeoutException", "EKS DescribeNodegroup did not answer in 10 s"),
            ((string?)line["level"], (string?)line["exceptionType"], (string?)line["exceptionMessage"]));
    }

    [Fact]
    public void Log_FieldValues_WrittenAsJsonTypes()
    {
        var at = new DateTimeOffset(2026, 1, 15, 13, 30, 0, TimeSpan.FromHours(1));

        Logger().LogInformation("{At} {Ratio} {DryRun} {Groups} {Cooldown} {Nan} {message}",
            at, 0.85, true, new[] { "a", "b" }, TimeSpan.FromMinutes(10), double.NaN, "collides");

        Assert.EndsWith("\"At\":\"2026-01-15T12:30:00.000Z\",\"Ratio\":0.85,\"DryRun\":true,\"Groups\":[\"a\",\"b\"]," +
            "\"Cooldown\":\"00:10:00\",\"Nan\":\"NaN\",\"field.message\":\"collides\"}", Assert.Single(_host.Lines),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Log_NonAsciiAndMarkup_StayReadable()
    {
        Logger().LogInformation("Zone {Zone}", "dial.example.com <prod> & Zürich");

        Assert.Contains(
            "\"Zone\":\"dial.example.com <prod> & Zürich\"", Assert.Single(_host.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_EscapedBraces_RenderedLiterally()
    {
        Logger().LogInformation("Set {{desiredSize}} to {Size}", 5);

        Assert.Equal("Set {desiredSize} to 5", (string?)Assert.Single(_host.Json)["message"]);
    }

    private ILogger Logger() => _host.Loggers.CreateLogger("DialControl.Scaling");
}
