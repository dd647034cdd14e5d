using System.Text.RegularExpressions;

namespace DialControl.Functions.Failover;

/// <summary>Reads the FAILOVER_* record settings into <see cref="DnsRecordSettings"/>.</summary>
internal static partial class DnsRecordReader
{
    /// <summary>Reads and checks the record settings, adding any problem to <paramref name="reader"/>.</summary>
    public static DnsRecordSettings Read(SettingReader reader)
    {
        var zone = HostedZoneId(reader, "FAILOVER_HOSTED_ZONE_ID", "the hosted zone that holds the DIAL record");
        var name = DnsName(reader, "FAILOVER_RECORD_NAME", "the DNS name users resolve, such as dial.example.com");
        var type = (reader.Optional("FAILOVER_RECORD_TYPE") ?? "A").ToUpperInvariant();
        if (type is not ("A" or "AAAA" or DnsRecordSettings.Cname))
        {
            reader.Problem(
                $"FAILOVER_RECORD_TYPE is '{type}'; expected A or AAAA (alias to the load balancer) or CNAME");
        }

        var target = DnsName(reader, "FAILOVER_TARGET_DNS_NAME",
            "this region's load balancer DNS name (alias) or the CNAME value");
        string? targetZone = null;
        if (type == DnsRecordSettings.Cname)
        {
            if (reader.Optional("FAILOVER_TARGET_HOSTED_ZONE_ID") is { } extra)
            {
                reader.Problem($"FAILOVER_TARGET_HOSTED_ZONE_ID is '{extra}' but FAILOVER_RECORD_TYPE is CNAME; " +
                    "expected it unset (only alias records name a target hosted zone)");
            }
        }
        else
        {
            targetZone = HostedZoneId(reader, "FAILOVER_TARGET_HOSTED_ZONE_ID",
                "the canonical hosted zone id of this region's load balancer (for the alias)");
        }

        return new DnsRecordSettings(zone, name, type, target, targetZone,
            reader.Integer("FAILOVER_RECORD_TTL", 60, 1, 86400, "seconds"),
            reader.Boolean("FAILOVER_EVALUATE_TARGET_HEALTH", false));
    }

    /// <summary>A DNS name in the form Route 53 compares: lower case, without the trailing dot.</summary>
    public static string Normalize(string? name) =>
        (name ?? string.Empty).Trim().TrimEnd('.').ToLowerInvariant();

    private static string HostedZoneId(SettingReader reader, string setting, string what)
    {
        var raw = reader.Required(setting, what);
        var id = raw.StartsWith("/hostedzone/", StringComparison.Ordinal) ? raw["/hostedzone/".Length..] : raw;
        if (raw.Length > 0 && !ZoneIdPattern().IsMatch(id))
        {
            reader.Problem($"{setting} is '{raw}'; expected a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");
        }

        return id;
    }

    private static string DnsName(SettingReader reader, string setting, string what)
    {
        var raw = reader.Required(setting, what);
        var name = Normalize(raw);
        if (raw.Length > 0 && !DnsNamePattern().IsMatch(name))
        {
            reader.Problem($"{setting} is '{raw}'; expected {what} (letters, digits, - and dots)");
        }

        return name;
    }

    // Route 53 ids are upper-case letters and digits; AWS's own start with Z, but emulators (moto) do not, and
    // nothing in the API promises the prefix, so only the alphabet and length are checked.
    [GeneratedRegex("^[A-Z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneIdPattern();

    [GeneratedRegex(
        @"^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DnsNamePattern();
}
