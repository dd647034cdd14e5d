using DialControl.Aws.Route53;

namespace DialControl.Functions.Failover;

/// <summary>
/// Where a record points and whether that is this region's target, compared the way DNS does: case
/// and the trailing dot do not matter, and the <c>dualstack.</c> prefix Route 53 adds to load balancer
/// aliases names the same load balancer.
/// </summary>
internal static class RecordTarget
{
    /// <summary>The alias DNS name or the first CNAME value, normalised; null when there is no record.</summary>
    public static string? ValueOf(ResourceRecordSet? record) =>
        record is null ? null
        : record.AliasTarget is { } alias ? DnsRecordReader.Normalize(alias.DNSName)
        : record.ResourceRecords.Count > 0 ? DnsRecordReader.Normalize(record.ResourceRecords[0].Value)
        : null;

    /// <summary>True when <paramref name="record"/> already points at this region's target.</summary>
    public static bool PointsAtTarget(ResourceRecordSet? record, DnsRecordSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (record is null)
        {
            return false;
        }

        return settings.IsAlias
            ? record.AliasTarget is { } alias && SameName(alias.DNSName, settings.TargetDnsName)
            : record.AliasTarget is null && record.ResourceRecords.Count == 1 &&
                SameName(record.ResourceRecords[0].Value, settings.TargetDnsName);
    }

    /// <summary>The record set the switch UPSERTs.</summary>
    public static ResourceRecordSet Build(DnsRecordSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var record = new ResourceRecordSet { Name = settings.Name + ".", Type = settings.Type };
        if (settings.IsAlias)
        {
            record.AliasTarget = new AliasTarget
            {
                DNSName = settings.TargetDnsName + ".",
                HostedZoneId = settings.TargetHostedZoneId,
                EvaluateTargetHealth = settings.EvaluateTargetHealth,
            };
        }
        else
        {
            record.TTL = settings.Ttl;
            record.ResourceRecords = [new ResourceRecord { Value = settings.TargetDnsName }];
        }

        return record;
    }

    /// <summary>True when both name the same host.</summary>
    public static bool SameName(string? left, string? right) =>
        string.Equals(WithoutDualstack(left), WithoutDualstack(right), StringComparison.Ordinal);

    private static string WithoutDualstack(string? name)
    {
        var normalized = DnsRecordReader.Normalize(name);
        return normalized.StartsWith("dualstack.", StringComparison.Ordinal)
            ? normalized["dualstack.".Length..]
            : normalized;
    }
}
