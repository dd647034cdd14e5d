using System.Text.Json.Nodes;
using DialControl.Aws.Errors;
using DialControl.Aws.Route53;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Route53;

[Collection(MotoTestGroup.Name)]
public sealed class Route53MotoTests(MotoServer moto)
{
    private const string LoadBalancerZone = "Z32O12XQLNTSW2";

    // A region other than us-east-1: Route 53 is global, so the client must work from any region.
    private AmazonRoute53Client Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonRoute53Client.Service, "eu-west-1", moto.Url));

    /// <summary>Creates a hosted zone with one A record through boto3; returns its id as Route 53 writes it.</summary>
    private string SeedZone(string zone)
    {
        var created = Boto3.One(moto.Url,
            new("route53", "create_hosted_zone", new { Name = zone, CallerReference = "seed-" + zone }));
        var zoneId = created["HostedZone"]!["Id"]!.GetValue<string>();
        Boto3.One(moto.Url, new("route53", "change_resource_record_sets", new
        {
            HostedZoneId = zoneId,
            ChangeBatch = new
            {
                Changes = new[]
                {
                    new
                    {
                        Action = "CREATE",
                        ResourceRecordSet = new
                        {
                            Name = "seed." + zone,
                            Type = "A",
                            TTL = 300,
                            ResourceRecords = new[] { new { Value = "192.0.2.10" } },
                        },
                    },
                },
            },
        }));
        return zoneId;
    }

    private JsonArray RecordsSeenByBoto3(string zoneId) =>
        Boto3.One(moto.Url, new("route53", "list_resource_record_sets", new { HostedZoneId = zoneId }))
            ["ResourceRecordSets"]!.AsArray();

    private static ChangeBatch Upsert(ResourceRecordSet set) =>
        new() { Comment = "test", Changes = [new() { Action = ChangeAction.Upsert, ResourceRecordSet = set }] };

    [Fact]
    public async Task ListResourceRecordSets_SeededZone_ReturnsTheSeededRecord()
    {
        var zoneId = SeedZone("list.example.com.");

        var response = await Client().ListResourceRecordSetsAsync(new() { HostedZoneId = zoneId });

        Assert.StartsWith("/hostedzone/", zoneId, StringComparison.Ordinal);
        var seeded = Assert.Single(response.ResourceRecordSets, r => r.Name == "seed.list.example.com.");
        Assert.Equal((RRType.A, 300L), (seeded.Type, seeded.TTL!.Value));
        Assert.Equal(["192.0.2.10"], seeded.ResourceRecords.Select(r => r.Value));
        Assert.Contains(response.ResourceRecordSets, r => r.Type == "SOA");
        Assert.False(response.IsTruncated);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_CnameUpsert_IsStoredAndChangeIsInsync()
    {
        var zoneId = SeedZone("cname.example.com.");
        var client = Client();

        var changed = await client.ChangeResourceRecordSetsAsync(new()
        {
            HostedZoneId = zoneId,
            ChangeBatch = Upsert(new()
            {
                Name = "chat.cname.example.com.",
                Type = RRType.Cname,
                TTL = 60,
                ResourceRecords = [new() { Value = "dial-eu.example.net" }],
            }),
        });
        var change = await client.GetChangeAsync(new() { Id = changed.ChangeInfo!.Id });

        var stored = RecordsSeenByBoto3(zoneId)
            .Single(r => r!["Name"]!.GetValue<string>() == "chat.cname.example.com.")!;
        Assert.Equal("CNAME", stored["Type"]!.GetValue<string>());
        Assert.Equal(60, stored["TTL"]!.GetValue<int>());
        Assert.Equal("dial-eu.example.net", stored["ResourceRecords"]![0]!["Value"]!.GetValue<string>());
        Assert.StartsWith("/change/", changed.ChangeInfo.Id, StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Insync, change.ChangeInfo!.Status);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_AliasUpsertTwice_ReplacesTheTarget()
    {
        var zoneId = SeedZone("alias.example.com.");
        var client = Client();
        ResourceRecordSet Alias(string target) => new()
        {
            Name = "api.alias.example.com.",
            Type = RRType.A,
            AliasTarget = new() { HostedZoneId = LoadBalancerZone, DNSName = target, EvaluateTargetHealth = true },
        };

        await client.ChangeResourceRecordSetsAsync(new()
            { HostedZoneId = zoneId, ChangeBatch = Upsert(Alias("dial-us.us-east-1.elb.amazonaws.com.")) });
        await client.ChangeResourceRecordSetsAsync(new()
            { HostedZoneId = zoneId, ChangeBatch = Upsert(Alias("dial-eu.eu-west-1.elb.amazonaws.com.")) });

        var stored = RecordsSeenByBoto3(zoneId).Where(r => r!["Name"]!.GetValue<string>() == "api.alias.example.com.")
            .ToList();
        var alias = Assert.Single(stored)!["AliasTarget"]!;
        Assert.Equal("dial-eu.eu-west-1.elb.amazonaws.com.", alias["DNSName"]!.GetValue<string>());
        Assert.Equal(LoadBalancerZone, alias["HostedZoneId"]!.GetValue<string>());
        Assert.True(alias["EvaluateTargetHealth"]!.GetValue<bool>());
        var listed = await client.ListResourceRecordSetsAsync(
            new() { HostedZoneId = zoneId, StartRecordName = "api.alias.example.com.", StartRecordType = RRType.A });
        Assert.Equal("dial-eu.eu-west-1.elb.amazonaws.com.", listed.ResourceRecordSets[0].AliasTarget!.DNSName);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_NameOutsideZone_ThrowsInvalidChangeBatchAndChangesNothing()
    {
        var zoneId = SeedZone("guard.example.com.");

        var error = await Assert.ThrowsAsync<InvalidChangeBatchException>(() => Client().ChangeResourceRecordSetsAsync(
            new()
            {
                HostedZoneId = zoneId,
                ChangeBatch = Upsert(new()
                {
                    Name = "chat.other.org.",
                    Type = RRType.Cname,
                    TTL = 60,
                    ResourceRecords = [new() { Value = "x.example.net" }],
                }),
            }));

        Assert.Equal(
            ["RRSet with DNS name chat.other.org. is not permitted in zone guard.example.com."],
            error.Messages);
        Assert.DoesNotContain(RecordsSeenByBoto3(zoneId), r => r!["Name"]!.GetValue<string>() == "chat.other.org.");
    }

    [Fact]
    public async Task ListResourceRecordSets_UnknownZone_ThrowsResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => Client().ListResourceRecordSetsAsync(new() { HostedZoneId = "/hostedzone/ZNOTTHERE" }));

        Assert.Equal("NoSuchHostedZone", error.ErrorCode);
        Assert.Contains("ZNOTTHERE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealthCheckStatus_SeededHealthCheck_ReturnsObservations()
    {
        var created = Boto3.One(moto.Url, new("route53", "create_health_check", new
        {
            CallerReference = "hc-status",
            HealthCheckConfig = new
            {
                Type = "HTTPS",
                FullyQualifiedDomainName = "dial-eu.example.net",
                Port = 443,
                ResourcePath = "/health",
            },
        }));
        var healthCheckId = created["HealthCheck"]!["Id"]!.GetValue<string>();

        var status = await Client().GetHealthCheckStatusAsync(new() { HealthCheckId = healthCheckId });

        var observation = Assert.Single(status.HealthCheckObservations);
        Assert.Equal("us-east-1", observation.Region);
        Assert.StartsWith("Success:", observation.StatusReport!.Status, StringComparison.Ordinal);
        Assert.NotNull(observation.StatusReport.CheckedTime);
    }

    [Fact]
    public async Task GetHealthCheckStatus_UnknownHealthCheck_ThrowsResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client().GetHealthCheckStatusAsync(new() { HealthCheckId = "00000000-0000-4000-8000-000000000000" }));

        Assert.Equal("NoSuchHealthCheck", error.ErrorCode);
    }
}
