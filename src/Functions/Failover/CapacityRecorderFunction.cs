using System.Text.Json;
using DialControl.Aws.Eks;
using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace DialControl.Functions.Failover;

/// <summary>
/// CapacityRecorder (scheduled): records this region's node group sizes into the peer region's state
/// table, so that a failover into the peer knows how big this region was even when this region is
/// no longer reachable.
/// </summary>
public sealed class CapacityRecorderFunction : ILambdaFunction
{
    private readonly CapacityRecorderOptions _options;
    private readonly IAmazonEKS _eks;
    private readonly ICapacitySnapshots _peerSnapshots;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMetrics _metrics;

    internal CapacityRecorderFunction(CapacityRecorderOptions options, IAmazonEKS eks,
        ICapacitySnapshots peerSnapshots, TimeProvider time, ILogger logger, IMetrics metrics)
    {
        _options = options;
        _eks = eks;
        _peerSnapshots = peerSnapshots;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Builds the function at cold start; throws ConfigurationException on bad settings.</summary>
    public static CapacityRecorderFunction Create(FunctionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = CapacityRecorderOptions.Load(environment.Settings);
        var eks = environment.Aws.Create(AmazonEKSClient.Service, options.Region,
            (credentials, config) => credentials is null
                ? new AmazonEKSClient(config)
                : new AmazonEKSClient(credentials, config));
        var snapshots = new DynamoDbCapacitySnapshots(
            environment.Aws.CreateDynamoDb(options.PeerRegion), options.PeerStateTable, environment.Time);
        return new CapacityRecorderFunction(options, eks, snapshots, environment.Time,
            environment.Loggers.CreateLogger("CapacityRecorder"), environment.Metrics);
    }

    /// <inheritdoc />
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.CancellationToken;
        var reader = new NodegroupReader(_eks, _options.Region, _options.ClusterName);
        var now = _time.GetUtcNow();
        var snapshots = new List<NodegroupSnapshot>();
        foreach (var name in await reader.ListAsync(token))
        {
            var group = await reader.DescribeAsync(name, token);
            var scaling = group.ScalingConfig;
            snapshots.Add(new NodegroupSnapshot(
                _options.Region,
                _options.ClusterName,
                name,
                scaling?.DesiredSize ?? 0,
                scaling?.MinSize ?? 0,
                scaling?.MaxSize ?? 0,
                group.Status ?? "UNKNOWN",
                now));
        }

        var written = await AwsCalls.RunAsync(
            $"DynamoDB PutItem of capacity snapshots into table {_options.PeerStateTable} ({_options.PeerRegion})",
            () => _peerSnapshots.WriteAsync(snapshots, _options.KeepFor, token), token);
        var sizes = snapshots.ToDictionary(s => s.Nodegroup, s => s.DesiredSize, StringComparer.Ordinal);
        var sizesText = string.Join(", ", sizes.Select(p => $"{p.Key}={p.Value}"));
        FailoverLog.CapacityRecorded(_logger, written, _options.ClusterName, _options.Region, _options.PeerStateTable,
            _options.PeerRegion, sizesText);
        _metrics.Emit(new MetricPoint("CapacityRecorded", written, "Count",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["Region"] = _options.Region }));
        return JsonSerializer.SerializeToUtf8Bytes(new CapacityRecordOutput
        {
            Region = _options.Region,
            Cluster = _options.ClusterName,
            PeerRegion = _options.PeerRegion,
            Table = _options.PeerStateTable,
            DesiredSizes = sizes,
            Written = written,
        }, FailoverJsonContext.Default.CapacityRecordOutput);
    }
}
