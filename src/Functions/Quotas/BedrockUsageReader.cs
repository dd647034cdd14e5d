using DialControl.Aws.CloudWatch;

namespace DialControl.Functions.Quotas;

/// <summary>
/// Reads AWS/Bedrock usage for every watched <c>ModelId</c> of one region with ONE GetMetricData call
/// (five queries per model, all Sum over one-minute periods). Only CloudWatch is touched here.
/// </summary>
internal sealed class BedrockUsageReader
{
    /// <summary>The namespace Bedrock publishes runtime metrics in.</summary>
    public const string Namespace = "AWS/Bedrock";

    /// <summary>GetMetricData accepts at most 500 queries per call.</summary>
    public const int MaxModelsPerCall = 500 / 5;

    /// <summary>
    /// A result larger than one page is unexpected (at most 30,000 points); a few pages bound the loop.
    /// </summary>
    private const int MaxPages = 5;

    private static readonly string[] s_metrics =
        ["InputTokenCount", "OutputTokenCount", "Invocations", "InvocationThrottles", "EstimatedTPMQuotaUsage"];

    private readonly Func<string, IAmazonCloudWatch> _clients;

    /// <summary>Creates a reader over per-region CloudWatch clients.</summary>
    public BedrockUsageReader(Func<string, IAmazonCloudWatch> clients) => _clients = clients;

    /// <summary>
    /// Usage of each of <paramref name="models"/> (model id to output-token multiplier) in the region.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ModelUsage>> ReadAsync(
        string region,
        IReadOnlyDictionary<string, double> models,
        UsageWindow window,
        CancellationToken cancellationToken)
    {
        var ids = models.Keys.Order(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxModelsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(models), ids.Count,
                $"at most {MaxModelsPerCall} model ids fit one GetMetricData call in {region}");
        }

        var request = new GetMetricDataRequest
        {
            StartTime = window.Start,
            EndTime = window.End,
            ScanBy = ScanBy.TimestampAscending,
            MetricDataQueries = [.. ids.SelectMany((id, i) => Queries(id, i))],
        };
        var results = await ReadAllPagesAsync(_clients(region), request, cancellationToken);
        return ids.Select((id, i) => Summarise(id, region, models[id], i, results))
            .ToDictionary(u => u.ModelId, StringComparer.Ordinal);
    }

    private static IEnumerable<MetricDataQuery> Queries(string modelId, int index) =>
        s_metrics.Select((metric, m) => new MetricDataQuery
        {
            Id = QueryId(index, m),
            ReturnData = true,
            MetricStat = new MetricStat
            {
                Period = UsageWindow.PeriodSeconds,
                Stat = "Sum",
                Metric = new Metric
                {
                    Namespace = Namespace,
                    MetricName = metric,
                    Dimensions = [new Dimension { Name = "ModelId", Value = modelId }],
                },
            },
        });

    private static string QueryId(int model, int metric) => $"m{model}_{metric}";

    private static async Task<Dictionary<string, MetricDataResult>> ReadAllPagesAsync(
        IAmazonCloudWatch client, GetMetricDataRequest request, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, MetricDataResult>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.GetMetricDataAsync(request, cancellationToken);
            foreach (var result in response.MetricDataResults.Where(r => r.Id is not null))
            {
                if (!merged.TryGetValue(result.Id!, out var seen))
                {
                    merged[result.Id!] = seen = new MetricDataResult { Id = result.Id, StatusCode = result.StatusCode };
                }

                seen.Timestamps.AddRange(result.Timestamps);
                seen.Values.AddRange(result.Values);
                seen.StatusCode = result.StatusCode ?? seen.StatusCode;
            }

            if (string.IsNullOrEmpty(response.NextToken))
            {
                return merged;
            }

            request.NextToken = response.NextToken;
        }

        return merged;
    }

    private static ModelUsage Summarise(
        string modelId, string region, double multiplier, int index, Dictionary<string, MetricDataResult> results)
    {
        var series = Enumerable.Range(0, s_metrics.Length)
            .Select(m => results.GetValueOrDefault(QueryId(index, m)))
            .ToArray();
        var problem = series.Where(s => s?.StatusCode is StatusCode.Forbidden or StatusCode.InternalError)
            .Select(s => $"CloudWatch answered {s!.StatusCode} for AWS/Bedrock metrics of {modelId} in {region}")
            .FirstOrDefault();
        var input = ByMinute(series[0]);
        var output = ByMinute(series[1]);
        var computed = input.Keys.Union(output.Keys)
            .Select(t => QuotaMath.QuotaTokens(input.GetValueOrDefault(t), output.GetValueOrDefault(t), multiplier))
            .DefaultIfEmpty(0)
            .Max();
        var estimated = ByMinute(series[4]);
        return new ModelUsage(modelId, region, computed,
            estimated.Count == 0 ? null : estimated.Values.Max(),
            ByMinute(series[2]).Values.DefaultIfEmpty(0).Max(),
            input.Values.Sum(), output.Values.Sum(), ByMinute(series[2]).Values.Sum(),
            ByMinute(series[3]).Values.Sum(), problem);
    }

    private static Dictionary<DateTimeOffset, double> ByMinute(MetricDataResult? result)
    {
        var byMinute = new Dictionary<DateTimeOffset, double>();
        for (var i = 0; i < Math.Min(result?.Timestamps.Count ?? 0, result?.Values.Count ?? 0); i++)
        {
            var minute = result!.Timestamps[i];
            byMinute[minute] = byMinute.GetValueOrDefault(minute) + result.Values[i];
        }

        return byMinute;
    }
}
