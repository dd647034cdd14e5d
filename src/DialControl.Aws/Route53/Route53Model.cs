using Amazon.Runtime;

// The Route 53 operations DialControl uses, named as in AWSSDK.Route53 (namespace Amazon.Route53.Model);
// only the members DialControl reads or writes are modelled. The wire format is restXml in the
// namespace https://route53.amazonaws.com/doc/2013-04-01/ (Route53Xml reads and writes it).
namespace DialControl.Aws.Route53;

/// <summary>Request of ListResourceRecordSets (GET /2013-04-01/hostedzone/{Id}/rrset).</summary>
public sealed class ListResourceRecordSetsRequest : AmazonWebServiceRequest
{
    /// <summary>The hosted zone id, as <c>Z123</c> or <c>/hostedzone/Z123</c>.</summary>
    public string? HostedZoneId { get; set; }

    /// <summary>The record name to start the listing at (query <c>name</c>).</summary>
    public string? StartRecordName { get; set; }

    /// <summary>The record type to start at (query <c>type</c>); needs <see cref="StartRecordName"/>.</summary>
    public string? StartRecordType { get; set; }

    /// <summary>The set identifier to start at (query <c>identifier</c>), for weighted or failover records.</summary>
    public string? StartRecordIdentifier { get; set; }

    /// <summary>Page size (query <c>maxitems</c>), at most 300; a string as in AWSSDK.Route53.</summary>
    public string? MaxItems { get; set; }
}

/// <summary>Response of ListResourceRecordSets.</summary>
public sealed class ListResourceRecordSetsResponse : AmazonWebServiceResponse
{
    /// <summary>The records of this page, in Route 53's order (name, then type).</summary>
    public List<ResourceRecordSet> ResourceRecordSets { get; set; } = [];

    /// <summary>True when more records follow; start the next page at the Next* members.</summary>
    public bool? IsTruncated { get; set; }

    /// <summary>The name the next page starts at.</summary>
    public string? NextRecordName { get; set; }

    /// <summary>The type the next page starts at.</summary>
    public string? NextRecordType { get; set; }

    /// <summary>The set identifier the next page starts at.</summary>
    public string? NextRecordIdentifier { get; set; }

    /// <summary>The page size Route 53 applied.</summary>
    public string? MaxItems { get; set; }
}

/// <summary>One DNS record set of a hosted zone.</summary>
public sealed class ResourceRecordSet
{
    /// <summary>The fully qualified name, for example <c>chat.example.com.</c></summary>
    public string? Name { get; set; }

    /// <summary>The record type; see <see cref="RRType"/>.</summary>
    public string? Type { get; set; }

    /// <summary>Tells apart records of one name and type (weighted, failover, latency routing).</summary>
    public string? SetIdentifier { get; set; }

    /// <summary>PRIMARY or SECONDARY for failover routing; see <see cref="ResourceRecordSetFailover"/>.</summary>
    public string? Failover { get; set; }

    /// <summary>Time to live in seconds; null for alias records.</summary>
    public long? TTL { get; set; }

    /// <summary>The values of a non-alias record.</summary>
    public List<ResourceRecord> ResourceRecords { get; set; } = [];

    /// <summary>The target of an alias record (a load balancer, for example); null otherwise.</summary>
    public AliasTarget? AliasTarget { get; set; }

    /// <summary>The health check whose status decides whether Route 53 answers with this record.</summary>
    public string? HealthCheckId { get; set; }
}

/// <summary>One value of a record set, for example a host name of a CNAME.</summary>
public sealed class ResourceRecord
{
    /// <summary>The value as DNS serves it.</summary>
    public string? Value { get; set; }
}

/// <summary>Where an alias record points: an AWS resource such as a load balancer.</summary>
public sealed class AliasTarget
{
    /// <summary>The hosted zone of the target (for a load balancer, its canonical hosted zone).</summary>
    public string? HostedZoneId { get; set; }

    /// <summary>The DNS name of the target.</summary>
    public string? DNSName { get; set; }

    /// <summary>Whether Route 53 takes the target's health into account.</summary>
    public bool? EvaluateTargetHealth { get; set; }
}

/// <summary>The values of <see cref="ResourceRecordSet.Type"/> DialControl writes.</summary>
public static class RRType
{
    /// <summary>IPv4 address (also the type of an alias to a load balancer).</summary>
    public const string A = "A";

    /// <summary>IPv6 address.</summary>
    public const string Aaaa = "AAAA";

    /// <summary>Canonical name.</summary>
    public const string Cname = "CNAME";

    /// <summary>Text.</summary>
    public const string Txt = "TXT";
}

/// <summary>The values of <see cref="ResourceRecordSet.Failover"/>.</summary>
public static class ResourceRecordSetFailover
{
    /// <summary>Served while its health check is healthy.</summary>
    public const string Primary = "PRIMARY";

    /// <summary>Served while the primary's health check is unhealthy.</summary>
    public const string Secondary = "SECONDARY";
}

/// <summary>Request of ChangeResourceRecordSets (POST /2013-04-01/hostedzone/{Id}/rrset/).</summary>
public sealed class ChangeResourceRecordSetsRequest : AmazonWebServiceRequest
{
    /// <summary>The hosted zone id, as <c>Z123</c> or <c>/hostedzone/Z123</c>.</summary>
    public string? HostedZoneId { get; set; }

    /// <summary>The changes, applied all or none.</summary>
    public ChangeBatch? ChangeBatch { get; set; }
}

/// <summary>Response of ChangeResourceRecordSets.</summary>
public sealed class ChangeResourceRecordSetsResponse : AmazonWebServiceResponse
{
    /// <summary>The submitted change; poll it with GetChange until INSYNC.</summary>
    public ChangeInfo? ChangeInfo { get; set; }
}

/// <summary>Changes Route 53 applies atomically.</summary>
public sealed class ChangeBatch
{
    /// <summary>Free text kept with the change (DialControl writes the failover id).</summary>
    public string? Comment { get; set; }

    /// <summary>The changes, at least one.</summary>
    public List<Change> Changes { get; set; } = [];
}

/// <summary>One change of a batch.</summary>
public sealed class Change
{
    /// <summary>CREATE, DELETE or UPSERT; see <see cref="ChangeAction"/>.</summary>
    public string? Action { get; set; }

    /// <summary>The record set to create, delete or replace.</summary>
    public ResourceRecordSet? ResourceRecordSet { get; set; }
}

/// <summary>The values of <see cref="Change.Action"/>.</summary>
public static class ChangeAction
{
    /// <summary>Creates the record; fails when it exists.</summary>
    public const string Create = "CREATE";

    /// <summary>Deletes the record; fails when it differs from the one given.</summary>
    public const string Delete = "DELETE";

    /// <summary>Creates or replaces the record; DialControl's DNS switch uses it, so a re-run is a no-op.</summary>
    public const string Upsert = "UPSERT";
}

/// <summary>A change Route 53 accepted.</summary>
public sealed class ChangeInfo
{
    /// <summary>The change id as Route 53 returns it, for example <c>/change/C2682N5HXP0BZ4</c>.</summary>
    public string? Id { get; set; }

    /// <summary>PENDING or INSYNC; see <see cref="ChangeStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>When Route 53 accepted the change.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The batch's comment.</summary>
    public string? Comment { get; set; }
}

/// <summary>The values of <see cref="ChangeInfo.Status"/>.</summary>
public static class ChangeStatus
{
    /// <summary>Not yet on every Route 53 name server.</summary>
    public const string Pending = "PENDING";

    /// <summary>Served by every Route 53 name server.</summary>
    public const string Insync = "INSYNC";
}

/// <summary>Request of GetChange (GET /2013-04-01/change/{Id}).</summary>
public sealed class GetChangeRequest : AmazonWebServiceRequest
{
    /// <summary>The change id, as <c>C123</c> or <c>/change/C123</c>.</summary>
    public string? Id { get; set; }
}

/// <summary>Response of GetChange.</summary>
public sealed class GetChangeResponse : AmazonWebServiceResponse
{
    /// <summary>The change and its status.</summary>
    public ChangeInfo? ChangeInfo { get; set; }
}

/// <summary>Request of GetHealthCheckStatus (GET /2013-04-01/healthcheck/{HealthCheckId}/status).</summary>
public sealed class GetHealthCheckStatusRequest : AmazonWebServiceRequest
{
    /// <summary>The health check id (a GUID).</summary>
    public string? HealthCheckId { get; set; }
}

/// <summary>Response of GetHealthCheckStatus.</summary>
public sealed class GetHealthCheckStatusResponse : AmazonWebServiceResponse
{
    /// <summary>What each Route 53 checker region last saw.</summary>
    public List<HealthCheckObservation> HealthCheckObservations { get; set; } = [];
}

/// <summary>The last result of one Route 53 checker.</summary>
public sealed class HealthCheckObservation
{
    /// <summary>The checker's region, for example <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The checker's IP address.</summary>
    public string? IPAddress { get; set; }

    /// <summary>What it saw and when.</summary>
    public StatusReport? StatusReport { get; set; }
}

/// <summary>One checker's verdict.</summary>
public sealed class StatusReport
{
    /// <summary>
    /// Free text starting with <c>Success</c> or <c>Failure</c>, for example
    /// <c>Success: HTTP Status Code 200. OK</c>.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>When the check ran.</summary>
    public DateTimeOffset? CheckedTime { get; set; }
}
