using DialControl.Aws.CloudWatch;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>
/// CloudWatch for unit tests: holds AWS/Bedrock datapoints of one region and answers GetMetricData by
/// summing them per query period, as CloudWatch's Sum statistic does. Records every request.
/// </summary>
internal sealed class FakeCloudWatch : IAmazonCloudWatch
{
    private readonly List<(string ModelId, string Metric, DateTimeOffset At, double Value)> _points = [];

    public List<GetMetricDataRequest> Requests { get; } = [];

    /// <summary>When set, GetMetricData throws it.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>When set, GetMetricData answers this status code for every query.</summary>
    public string? StatusCode { get; set; }

    public FakeCloudWatch Point(string modelId, string metric, DateTimeOffset at, double value)
    {
        _points.Add((modelId, metric, at, value));
        return this;
    }

    /// <summary>Adds one minute of traffic: tokens in and out, invocations and throttles.</summary>
    public FakeCloudWatch Minute(string modelId, DateTimeOffset minute, double input, double output,
        double invocations = 1, double throttles = 0)
    {
        Point(modelId, "InputTokenCount", minute, input);
        Point(modelId, "OutputTokenCount", minute, output);
        Point(modelId, "Invocations", minute, invocations);
        return throttles > 0 ? Point(modelId, "InvocationThrottles", minute, throttles) : this;
    }

    public Task<GetMetricDataResponse> GetMetricDataAsync(
        GetMetricDataRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        if (FailWith is not null)
        {
            throw FailWith;
        }

        var response = new GetMetricDataResponse();
        foreach (var query in request.MetricDataQueries)
        {
            var metric = query.MetricStat!.Metric!;
            var modelId = metric.Dimensions!.Single(d => d.Name == "ModelId").Value;
            var period = TimeSpan.FromSeconds(query.MetricStat.Period!.Value);
            var sums = _points
                .Where(p => p.ModelId == modelId && p.Metric == metric.MetricName
                    && p.At >= request.StartTime && p.At < request.EndTime)
                .GroupBy(p => request.StartTime!.Value
                    + (period * Math.Floor((p.At - request.StartTime!.Value) / period)))
                .OrderBy(g => g.Key)
                .ToList();
            response.MetricDataResults.Add(new MetricDataResult
            {
                Id = query.Id,
                Timestamps = [.. sums.Select(g => g.Key)],
                Values = [.. sums.Select(g => g.Sum(p => p.Value))],
                StatusCode = StatusCode ?? "Complete",
            });
        }

        return Task.FromResult(response);
    }

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(
        DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the BedrockQuota function does not describe alarms");
}
