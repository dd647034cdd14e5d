using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Tests.Support;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class EchoFunctionTests
{
    private readonly CapturedEnvironment _host = new(new Dictionary<string, string> { ["ECHO_MAX_DELAY_MS"] = "5000" });

    [Fact]
    public async Task InvokeAsync_JsonPayload_ReturnsItWithSizeAndContext()
    {
        var response = await InvokeAsync("{\"alarm\":\"cpu-high\"}", TimeSpan.FromSeconds(10));

        Assert.Equal("{\"function\":\"echo-fn\",\"requestId\":\"req-1\",\"invokedFunctionArn\":\"arn:fn\"," +
            "\"traceId\":\"Root=1-x\",\"bytes\":20,\"payload\":{\"alarm\":\"cpu-high\"},\"waitedMs\":0," +
            "\"cancelled\":false,\"remainingMs\":10000}", response);
    }

    [Fact]
    public async Task InvokeAsync_EmptyPayload_EchoesNull()
    {
        var response = JsonNode.Parse(await InvokeAsync("", TimeSpan.FromSeconds(10)))!;

        Assert.Equal((0, null), ((int)response["bytes"]!, response["payload"]));
    }

    [Fact]
    public async Task InvokeAsync_FailRequested_ThrowsWithTheText()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => InvokeAsync("{\"fail\":\"drill\"}", TimeSpan.FromSeconds(10)));

        Assert.Equal("Echo was asked to fail: drill", failure.Message);
    }

    [Fact]
    public async Task InvokeAsync_NotJson_ThrowsArgumentException()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(
            () => InvokeAsync("not json", TimeSpan.FromSeconds(10)));

        Assert.StartsWith(
            "Echo takes a JSON payload; the 8 bytes given are not JSON (", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_DelayAboveCap_ThrowsWithoutWaiting()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(
            () => InvokeAsync("{\"delayMs\":5001}", TimeSpan.FromSeconds(10)));

        Assert.Equal(
            "Echo was asked to wait 5001 ms, above ECHO_MAX_DELAY_MS = 5000 ms; it did not wait.", failure.Message);
    }

    [Fact]
    public async Task InvokeAsync_DelayNotWholeNumber_ThrowsArgumentException()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(
            () => InvokeAsync("{\"delayMs\":\"soon\"}", TimeSpan.FromSeconds(10)));

        Assert.Equal("Echo takes delayMs as a whole number of milliseconds; got \"soon\".", failure.Message);
    }

    [Fact]
    public async Task InvokeAsync_DelayLongerThanBudget_StopsWhenCancellationFires()
    {
        var running = InvokeAsync("{\"delayMs\":5000}", TimeSpan.FromSeconds(2));

        _host.Clock.Advance(TimeSpan.FromMilliseconds(1800));
        var response = JsonNode.Parse(await running.WaitAsync(TimeSpan.FromSeconds(10)))!;

        Assert.Equal(
            (1800, true, 200),
            ((int)response["waitedMs"]!, (bool)response["cancelled"]!, (int)response["remainingMs"]!));
    }

    [Fact]
    public async Task InvokeAsync_DelayWithinBudget_WaitsOnTheClock()
    {
        var running = InvokeAsync("{\"delayMs\":1000}", TimeSpan.FromSeconds(10));

        _host.Clock.Advance(TimeSpan.FromMilliseconds(1000));
        var response = JsonNode.Parse(await running.WaitAsync(TimeSpan.FromSeconds(10)))!;

        Assert.Equal((1000, false), ((int)response["waitedMs"]!, (bool)response["cancelled"]!));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("900001")]
    [InlineData("ten")]
    public void Create_InvalidMaxDelay_ThrowsConfigurationException(string value)
    {
        var host = new CapturedEnvironment(new Dictionary<string, string> { ["ECHO_MAX_DELAY_MS"] = value });

        var failure = Assert.Throws<ConfigurationException>(() => EchoFunction.Create(host.Environment));

        Assert.Equal($"ECHO_MAX_DELAY_MS is '{value}'; expected a whole number of milliseconds from 0 to 900000 " +
            "(default 10000)", Assert.Single(failure.Problems));
    }

    private async Task<string> InvokeAsync(string payload, TimeSpan budget)
    {
        var function = EchoFunction.Create(_host.Environment);
        using var context = new InvocationContext(
            "req-1", "echo-fn", "arn:fn", _host.Time.GetUtcNow() + budget, "Root=1-x", _host.Time);
        return Encoding.UTF8.GetString(await function.InvokeAsync(Encoding.UTF8.GetBytes(payload), context));
    }
}
