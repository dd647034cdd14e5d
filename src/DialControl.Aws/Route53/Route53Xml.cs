using System.Globalization;
using System.Xml.Linq;
using DialControl.Aws.Runtime.Protocols;

namespace DialControl.Aws.Route53;

/// <summary>
/// The Route 53 XML shapes DialControl writes and reads. Elements are written in the order of the
/// service model (as botocore and AWSSDK.Route53 write them) and read by local name.
/// </summary>
internal static class Route53Xml
{
    /// <summary>The namespace of every Route 53 request and response of API 2013-04-01.</summary>
    public static readonly XNamespace Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>The body of ChangeResourceRecordSets.</summary>
    public static byte[] ChangeResourceRecordSetsBody(ChangeBatch batch) =>
        XmlProtocol.Write(new XElement(Namespace + "ChangeResourceRecordSetsRequest",
            new XElement(Namespace + "ChangeBatch",
                Optional("Comment", batch.Comment),
                new XElement(Namespace + "Changes", batch.Changes.Select(WriteChange)))));

    /// <summary>Reads a ListResourceRecordSetsResponse.</summary>
    public static ListResourceRecordSetsResponse ReadList(XElement root) => new()
    {
        ResourceRecordSets =
        [
            .. root.Child("ResourceRecordSets").Children("ResourceRecordSet").Select(ReadRecordSet),
        ],
        IsTruncated = root.Bool("IsTruncated"),
        NextRecordName = root.Text("NextRecordName"),
        NextRecordType = root.Text("NextRecordType"),
        NextRecordIdentifier = root.Text("NextRecordIdentifier"),
        MaxItems = root.Text("MaxItems"),
    };

    /// <summary>Reads the ChangeInfo of ChangeResourceRecordSets and GetChange responses.</summary>
    public static ChangeInfo? ReadChangeInfo(XElement? element) => element is null
        ? null
        : new ChangeInfo
        {
            Id = element.Text("Id"),
            Status = element.Text("Status"),
            SubmittedAt = element.Timestamp("SubmittedAt"),
            Comment = element.Text("Comment"),
        };

    /// <summary>Reads a GetHealthCheckStatusResponse.</summary>
    public static GetHealthCheckStatusResponse ReadHealthCheckStatus(XElement root) => new()
    {
        HealthCheckObservations =
        [
            .. root.Child("HealthCheckObservations").Children("HealthCheckObservation").Select(ReadObservation),
        ],
    };

    private static XElement WriteChange(Change change) =>
        new(Namespace + "Change",
            Optional("Action", change.Action),
            change.ResourceRecordSet is { } set ? WriteRecordSet(set) : null);

    private static XElement WriteRecordSet(ResourceRecordSet set) =>
        new(Namespace + "ResourceRecordSet",
            Optional("Name", set.Name),
            Optional("Type", set.Type),
            Optional("SetIdentifier", set.SetIdentifier),
            Optional("Failover", set.Failover),
            Optional("TTL", set.TTL?.ToString(CultureInfo.InvariantCulture)),
            set.ResourceRecords.Count == 0
                ? null
                : new XElement(Namespace + "ResourceRecords", set.ResourceRecords.Select(r =>
                    new XElement(Namespace + "ResourceRecord", Optional("Value", r.Value)))),
            set.AliasTarget is { } alias ? WriteAliasTarget(alias) : null,
            Optional("HealthCheckId", set.HealthCheckId));

    private static XElement WriteAliasTarget(AliasTarget alias) =>
        new(Namespace + "AliasTarget",
            Optional("HostedZoneId", alias.HostedZoneId),
            Optional("DNSName", alias.DNSName),
            Optional("EvaluateTargetHealth", alias.EvaluateTargetHealth is { } evaluate
                ? (evaluate ? "true" : "false")
                : null));

    private static HealthCheckObservation ReadObservation(XElement element) => new()
    {
        Region = element.Text("Region"),
        IPAddress = element.Text("IPAddress"),
        StatusReport = element.Child("StatusReport") is { } report
            ? new StatusReport { Status = report.Text("Status"), CheckedTime = report.Timestamp("CheckedTime") }
            : null,
    };

    private static ResourceRecordSet ReadRecordSet(XElement element) => new()
    {
        Name = element.Text("Name"),
        Type = element.Text("Type"),
        SetIdentifier = element.Text("SetIdentifier"),
        Failover = element.Text("Failover"),
        TTL = element.Long("TTL"),
        ResourceRecords =
        [
            .. element.Child("ResourceRecords").Children("ResourceRecord")
                .Select(r => new ResourceRecord { Value = r.Text("Value") }),
        ],
        AliasTarget = element.Child("AliasTarget") is { } alias
            ? new AliasTarget
            {
                HostedZoneId = alias.Text("HostedZoneId"),
                DNSName = alias.Text("DNSName"),
                EvaluateTargetHealth = alias.Bool("EvaluateTargetHealth"),
            }
            : null,
        HealthCheckId = element.Text("HealthCheckId"),
    };

    private static XElement? Optional(string name, string? value) =>
        value is null ? null : new XElement(Namespace + name, value);
}
