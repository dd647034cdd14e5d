namespace DialControl.Functions.Failover;

/// <summary>
/// The record users resolve and what it must point to when this region is active.
/// </summary>
/// <param name="HostedZoneId">The hosted zone holding the record, without <c>/hostedzone/</c>.</param>
/// <param name="Name">The record name, lower case, without the trailing dot.</param>
/// <param name="Type">A or AAAA (alias to the load balancer) or CNAME.</param>
/// <param name="TargetDnsName">
/// This region's load balancer DNS name (alias target) or the CNAME value; lower case, no trailing dot.
/// </param>
/// <param name="TargetHostedZoneId">The load balancer's canonical hosted zone id; aliases only.</param>
/// <param name="Ttl">The CNAME's TTL in seconds (default 60); aliases have none.</param>
/// <param name="EvaluateTargetHealth">The alias's EvaluateTargetHealth (default false).</param>
internal sealed record DnsRecordSettings(
    string HostedZoneId,
    string Name,
    string Type,
    string TargetDnsName,
    string? TargetHostedZoneId,
    int Ttl,
    bool EvaluateTargetHealth)
{
    /// <summary>The CNAME record type; every other allowed type is an alias.</summary>
    public const string Cname = "CNAME";

    /// <summary>True for an alias record (A or AAAA) to the load balancer.</summary>
    public bool IsAlias => !string.Equals(Type, Cname, StringComparison.Ordinal);
}
