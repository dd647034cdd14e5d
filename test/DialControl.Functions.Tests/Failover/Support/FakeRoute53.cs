using DialControl.Aws.Route53;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>One hosted zone's records and health checks in memory; records every change asked for.</summary>
public sealed class FakeRoute53 : IAmazonRoute53
{
    public List<ResourceRecordSet> Records { get; } = [];

    public List<ChangeResourceRecordSetsRequest> Changes { get; } = [];

    public List<string> ChangeStatusQueries { get; } = [];

    /// <summary>Health check id to the statuses its checkers report.</summary>
    public Dictionary<string, string[]> HealthChecks { get; } = new(StringComparer.Ordinal);

    public string ChangeStatus { get; set; } = "PENDING";

    public Exception? FailNextChange { get; set; }

    public FakeRoute53 WithAlias(string name, string dnsName, string zoneId = FailoverSettings.LbZoneId)
    {
        Records.Add(new ResourceRecordSet
        {
            Name = name + ".",
            Type = "A",
            AliasTarget = new AliasTarget
            {
                DNSName = dnsName + ".",
                HostedZoneId = zoneId,
                EvaluateTargetHealth = false,
            },
        });
        return this;
    }

    public Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(
        ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ListResourceRecordSetsResponse { ResourceRecordSets = [.. Records] });

    public Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(
        ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken = default)
    {
        Changes.Add(request);
        if (FailNextChange is { } failure)
        {
            FailNextChange = null;
            throw failure;
        }

        foreach (var change in request.ChangeBatch!.Changes)
        {
            Records.RemoveAll(r => r.Name == change.ResourceRecordSet!.Name && r.Type == change.ResourceRecordSet.Type);
            Records.Add(change.ResourceRecordSet!);
        }

        return Task.FromResult(new ChangeResourceRecordSetsResponse
        {
            ChangeInfo = new ChangeInfo { Id = $"/change/C{Changes.Count}", Status = "PENDING" },
        });
    }

    public Task<GetChangeResponse> GetChangeAsync(
        GetChangeRequest request,
        CancellationToken cancellationToken = default)
    {
        ChangeStatusQueries.Add(request.Id!);
        return Task.FromResult(
            new GetChangeResponse { ChangeInfo = new ChangeInfo { Id = request.Id, Status = ChangeStatus } });
    }

    public Task<GetHealthCheckStatusResponse> GetHealthCheckStatusAsync(
        GetHealthCheckStatusRequest request, CancellationToken cancellationToken = default)
    {
        if (!HealthChecks.TryGetValue(request.HealthCheckId!, out var statuses))
        {
            throw new DialControl.Aws.Errors.ResourceNotFoundException(
                AwsErrors.Details("Route 53", "GetHealthCheckStatus", "NoSuchHealthCheck", 404));
        }

        return Task.FromResult(new GetHealthCheckStatusResponse
        {
            HealthCheckObservations = [.. statuses.Select(s => new HealthCheckObservation
            {
                Region = "us-east-1",
                StatusReport = new StatusReport { Status = s },
            })],
        });
    }
}
