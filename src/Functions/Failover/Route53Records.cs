using DialControl.Aws.Route53;

namespace DialControl.Functions.Failover;

/// <summary>The configured record in Route 53: read it, switch it, follow the change.</summary>
internal sealed class Route53Records(IAmazonRoute53 route53, DnsRecordSettings settings)
{
    private string Describe => $"record {settings.Name} {settings.Type} in hosted zone {settings.HostedZoneId}";

    /// <summary>The record, or null when the zone has none of that name and type.</summary>
    public async Task<ResourceRecordSet?> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync($"Route 53 ListResourceRecordSets of {Describe}",
            () => route53.ListResourceRecordSetsAsync(new()
            {
                HostedZoneId = settings.HostedZoneId,
                StartRecordName = settings.Name,
                StartRecordType = settings.Type,
                MaxItems = "10",
            }, cancellationToken), cancellationToken);
        var matching = response.ResourceRecordSets
            .Where(r => DnsRecordReader.Normalize(r.Name) == settings.Name &&
                string.Equals(r.Type, settings.Type, StringComparison.Ordinal))
            .ToList();
        if (matching.Find(r => r.SetIdentifier is not null) is { } routed)
        {
            // Weighted, latency or failover records need every set changed together; a single UPSERT
            // would leave a mix, so the switch refuses rather than guess.
            throw new FailoverStepException($"The {Describe} uses a routing policy (set identifier " +
                $"'{routed.SetIdentifier}'); DialControl switches simple records only. " +
                "Nothing was changed. Switch it " +
                "by hand, or use Route 53 failover records or ARC routing controls (docs/failover.md).");
        }

        return matching.Count > 0 ? matching[0] : null;
    }

    /// <summary>UPSERTs the record to this region's target.</summary>
    public async Task<ChangeInfo> SwitchAsync(string comment, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync($"Route 53 ChangeResourceRecordSets (UPSERT) of {Describe}",
            () => route53.ChangeResourceRecordSetsAsync(new()
            {
                HostedZoneId = settings.HostedZoneId,
                ChangeBatch = new ChangeBatch
                {
                    Comment = comment.Length <= 256 ? comment : comment[..256],
                    Changes =
                    [
                        new Change { Action = ChangeAction.Upsert, ResourceRecordSet = RecordTarget.Build(settings) },
                    ],
                },
            }, cancellationToken), cancellationToken);
        return response.ChangeInfo ?? throw new FailoverStepException(
            $"Route 53 accepted the UPSERT of the {Describe} but returned no change id; check the record by hand.");
    }

    /// <summary>The status of a change: PENDING or INSYNC.</summary>
    public async Task<string> ChangeStatusAsync(string changeId, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync($"Route 53 GetChange of change {changeId} ({Describe})",
            () => route53.GetChangeAsync(new() { Id = changeId }, cancellationToken), cancellationToken);
        return response.ChangeInfo?.Status ?? ChangeStatus.Pending;
    }
}
