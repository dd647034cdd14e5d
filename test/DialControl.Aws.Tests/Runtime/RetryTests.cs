using DialControl.Aws.Errors;
using DialControl.Aws.Runtime;
using DialControl.Aws.ServiceQuotas;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Runtime;

/// <summary>
/// AWSSDK.Core's standard retry mode as DialControl configures it: throttling and 5xx retried at
/// most 3 times with exponential backoff and full jitter, every other error surfaced at once.
/// </summary>
public sealed class RetryTests
{
    private const string JsonType = "application/x-amz-json-1.1";

    private static readonly GetServiceQuotaRequest s_request = new() { ServiceCode = "bedrock", QuotaCode = "L-1" };

    private static AmazonServiceQuotasClient Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonServiceQuotasClient.Service, "eu-west-1", server.Url));

    private static async Task<List<TimeSpan>> GapsWhenThrottledThreeTimesAsync()
    {
        using var server = new CaptureServer().Answer(
            Throttled(), Throttled(), Throttled(),
            new CannedResponse(200, """{"Quota":{"Value":1.0}}""", JsonType));

        await Client(server).GetServiceQuotaAsync(s_request);

        var requests = server.Requests;
        return [.. requests.Zip(requests.Skip(1), (a, b) => b.At - a.At)];
    }

    private static CannedResponse Throttled() =>
        new(429, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""", JsonType);

    [Fact]
    public async Task GetServiceQuota_ThrottledThen500Then503_SucceedsOnTheFourthRequestAfterBackoff()
    {
        using var server = new CaptureServer().Answer(
            Throttled(),
            new CannedResponse(500, """{"__type":"ServiceException","Message":"internal error"}""", JsonType),
            new CannedResponse(503, "<html><body>503 Service Temporarily Unavailable</body></html>", "text/html"),
            new CannedResponse(200, """{"Quota":{"QuotaCode":"L-1","Value":400000.0}}""", JsonType));

        var response = await Client(server).GetServiceQuotaAsync(s_request);

        Assert.Equal(400000.0, response.Quota!.Value);
        var requests = server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal("ServiceQuotasV20190624.GetServiceQuota", r.Headers["x-amz-target"]));
        var gaps = requests.Zip(requests.Skip(1), (a, b) => b.At - a.At).ToList();

        // Retry n waits a random share of 2^(n-1) s (full jitter), so single gaps need not grow but
        // each stays under its growing cap (plus a second of slack for a loaded machine). The three
        // waits together fall under 50 ms about once in 400,000 runs; retries without backoff always do.
        for (var retry = 1; retry <= gaps.Count; retry++)
        {
            var cap = TimeSpan.FromSeconds(Math.Pow(2, retry - 1)) + TimeSpan.FromSeconds(1);
            Assert.True(gaps[retry - 1] < cap, $"retry {retry} waited {gaps[retry - 1]}, cap {cap}");
        }

        var waited = gaps.Aggregate(TimeSpan.Zero, (sum, gap) => sum + gap);
        Assert.True(waited > TimeSpan.FromMilliseconds(50), $"retried without backing off: {waited} in total");
    }

    [Fact]
    public async Task GetServiceQuota_ThrottledOnceEachTime_WaitsAJitteredTimeBeforeTheRetry()
    {
        var waits = new List<TimeSpan>();
        for (var call = 0; call < 8; call++)
        {
            using var server = new CaptureServer().Answer(
                Throttled(), new CannedResponse(200, """{"Quota":{"Value":1.0}}""", JsonType));

            await Client(server).GetServiceQuotaAsync(s_request);

            var requests = server.Requests;
            Assert.Equal(2, requests.Count);
            waits.Add(requests[1].At - requests[0].At);
        }

        // Full jitter: each first retry waits a random share of 1 s. Eight waits all within 100 ms of
        // each other would happen by chance about once in a million runs; fixed waits always would.
        Assert.All(waits, wait => Assert.True(wait < TimeSpan.FromSeconds(2), $"first retry waited {wait}"));
        Assert.True(waits.Max() - waits.Min() > TimeSpan.FromMilliseconds(100),
            $"waits do not vary: {string.Join(", ", waits.Select(w => w.TotalMilliseconds))} ms");
    }

    [Fact]
    public async Task GetServiceQuota_ThrottledThreeTimes_LaterRetriesWaitLonger()
    {
        var calls = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => GapsWhenThrottledThreeTimesAsync()));

        // One jittered wait says little, so the waits of sixteen calls are summed. The first retries wait
        // a share of 1 s (sum: mean 8 s), the third a share of 4 s (mean 32 s); the third sum falls below
        // the first less than once in four million runs. Fixed waits would fail half the time, none always.
        Assert.All(calls, gaps => Assert.Equal(3, gaps.Count));
        var first = calls.Sum(gaps => gaps[0].TotalSeconds);
        var second = calls.Sum(gaps => gaps[1].TotalSeconds);
        var third = calls.Sum(gaps => gaps[2].TotalSeconds);
        Assert.True(third > first, $"waits did not grow: retry 1 {first:F1} s, 2 {second:F1} s, 3 {third:F1} s");
    }

    [Fact]
    public async Task GetServiceQuota_ThrottledPastRetryBudget_ThrowsThrottlingExceptionAfterFourRequests()
    {
        using var server = new CaptureServer().Answer(Throttled());

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => Client(server).GetServiceQuotaAsync(s_request));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(429, (int)error.StatusCode);
        Assert.Equal("req-4", error.RequestId);
        Assert.Equal(
            "Service Quotas GetServiceQuota failed with ThrottlingException (HTTP 429, request id req-4): " +
            "Rate exceeded",
            error.Message);
    }

    [Fact]
    public async Task GetServiceQuota_ValidationException_IsSentOnceAndThrowsInvalidInput()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(400,
            """{"__type":"ValidationException","Message":"1 validation error detected: Value at 'quotaCode' failed"}""",
            JsonType));

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => Client(server).GetServiceQuotaAsync(s_request));

        Assert.Single(server.Requests);
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
    }
}
