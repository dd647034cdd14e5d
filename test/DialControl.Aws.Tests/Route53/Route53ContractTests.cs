using Amazon;
using DialControl.Aws.Route53;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Route53;

public sealed class Route53ContractTests
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private const string ListResponse = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ListResourceRecordSetsResponse xmlns="{Ns}">
          <ResourceRecordSets>
            <ResourceRecordSet>
              <Name>chat.example.com.</Name><Type>CNAME</Type><SetIdentifier>primary</SetIdentifier>
              <Failover>PRIMARY</Failover><TTL>60</TTL>
              <ResourceRecords><ResourceRecord><Value>dial-eu.example.com</Value></ResourceRecord></ResourceRecords>
              <HealthCheckId>hc-1</HealthCheckId>
            </ResourceRecordSet>
            <ResourceRecordSet>
              <Name>api.example.com.</Name><Type>A</Type>
              <AliasTarget>
                <HostedZoneId>Z32O12XQLNTSW2</HostedZoneId>
                <DNSName>dial-lb-1.eu-west-1.elb.amazonaws.com.</DNSName>
                <EvaluateTargetHealth>true</EvaluateTargetHealth>
              </AliasTarget>
            </ResourceRecordSet>
          </ResourceRecordSets>
          <IsTruncated>true</IsTruncated>
          <MaxItems>2</MaxItems>
          <NextRecordName>www.example.com.</NextRecordName>
          <NextRecordType>A</NextRecordType>
          <NextRecordIdentifier>secondary</NextRecordIdentifier>
        </ListResourceRecordSetsResponse>
        """;

    private const string ChangeResponse = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ChangeResourceRecordSetsResponse xmlns="{Ns}">
          <ChangeInfo>
            <Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>
            <SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt><Comment>failover f-1 to eu-west-1</Comment>
          </ChangeInfo>
        </ChangeResourceRecordSetsResponse>
        """;

    private static AmazonRoute53Client Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonRoute53Client.Service, "eu-west-1", server.Url));

    private static CannedResponse Xml(int status, string body) => new(status, body, "text/xml");

    [Fact]
    public async Task ListResourceRecordSets_AllStartParametersAndPrefixedZoneId_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(Xml(200, ListResponse));

        var response = await Client(server).ListResourceRecordSetsAsync(new()
        {
            HostedZoneId = "/hostedzone/Z123",
            StartRecordName = "chat.example.com.",
            StartRecordType = RRType.Cname,
            StartRecordIdentifier = "primary",
            MaxItems = "2",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "route53", "ListResourceRecordSets", new
            {
                HostedZoneId = "Z123",
                StartRecordName = "chat.example.com.",
                StartRecordType = "CNAME",
                StartRecordIdentifier = "primary",
                MaxItems = "2",
            }));
        Assert.Equal(2, response.ResourceRecordSets.Count);
        var cname = response.ResourceRecordSets[0];
        Assert.Equal(("chat.example.com.", "CNAME", "primary", "PRIMARY", 60L, "hc-1"),
            (cname.Name, cname.Type, cname.SetIdentifier, cname.Failover, cname.TTL!.Value, cname.HealthCheckId));
        Assert.Equal(["dial-eu.example.com"], cname.ResourceRecords.Select(r => r.Value));
        Assert.Null(cname.AliasTarget);
        var alias = response.ResourceRecordSets[1].AliasTarget!;
        Assert.Equal(("Z32O12XQLNTSW2", "dial-lb-1.eu-west-1.elb.amazonaws.com.", true),
            (alias.HostedZoneId, alias.DNSName, alias.EvaluateTargetHealth!.Value));
        Assert.Null(response.ResourceRecordSets[1].TTL);
        Assert.True(response.IsTruncated);
        Assert.Equal(("www.example.com.", "A", "secondary", "2"),
            (response.NextRecordName, response.NextRecordType, response.NextRecordIdentifier, response.MaxItems));
    }

    [Fact]
    public async Task ListResourceRecordSets_OnlyZone_SendsNoQuery()
    {
        using var server = new CaptureServer().Answer(Xml(200,
            $"""
            <ListResourceRecordSetsResponse xmlns="{Ns}">
              <ResourceRecordSets/><IsTruncated>false</IsTruncated><MaxItems>300</MaxItems>
            </ListResourceRecordSetsResponse>
            """));

        var response = await Client(server).ListResourceRecordSetsAsync(new() { HostedZoneId = "Z123" });

        Contract.AssertSameAsBotocore(server.Requests.Single(),
            BotocoreOracle.Serialize("route53", "ListResourceRecordSets", new { HostedZoneId = "Z123" }));
        Assert.Empty(response.ResourceRecordSets);
        Assert.False(response.IsTruncated);
        Assert.Null(response.NextRecordName);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_AliasUpsert_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(Xml(200, ChangeResponse));

        var response = await Client(server).ChangeResourceRecordSetsAsync(new()
        {
            HostedZoneId = "/hostedzone/Z123",
            ChangeBatch = new()
            {
                Comment = "failover f-1 to eu-west-1",
                Changes = [new() { Action = ChangeAction.Upsert, ResourceRecordSet = AliasRecord() }],
            },
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "route53", "ChangeResourceRecordSets", new
            {
                HostedZoneId = "Z123",
                ChangeBatch = new
                {
                    Comment = "failover f-1 to eu-west-1",
                    Changes = new[] { new { Action = "UPSERT", ResourceRecordSet = AliasRecordParams() } },
                },
            }));
        var info = response.ChangeInfo!;
        Assert.Equal(("/change/C2682N5HXP0BZ4", ChangeStatus.Pending, "failover f-1 to eu-west-1"),
            (info.Id, info.Status, info.Comment));
        Assert.Equal(new DateTimeOffset(2017, 3, 10, 1, 36, 41, 958, TimeSpan.Zero), info.SubmittedAt);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_FailoverCnameUpsert_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(Xml(200, ChangeResponse));

        await Client(server).ChangeResourceRecordSetsAsync(new()
        {
            HostedZoneId = "Z123",
            ChangeBatch = new()
            {
                Changes = [new() { Action = ChangeAction.Upsert, ResourceRecordSet = CnameRecord() }],
            },
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "route53", "ChangeResourceRecordSets", new
            {
                HostedZoneId = "Z123",
                ChangeBatch = new
                {
                    Changes = new[] { new { Action = "UPSERT", ResourceRecordSet = CnameRecordParams() } },
                },
            }));
    }

    [Fact]
    public async Task ChangeResourceRecordSets_NoChanges_ThrowsWithoutSending()
    {
        using var server = new CaptureServer();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(server).ChangeResourceRecordSetsAsync(
            new() { HostedZoneId = "Z123", ChangeBatch = new() { Comment = "empty" } }));

        Assert.Equal(
            "ChangeBatch is required and must hold at least one change (CREATE, DELETE or UPSERT). (Parameter 'batch')",
            error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetChange_PrefixedId_MatchesBotocoreAndReadsInsync()
    {
        using var server = new CaptureServer().Answer(Xml(200, $"""
            <GetChangeResponse xmlns="{Ns}">
              <ChangeInfo>
                <Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status>
                <SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt>
              </ChangeInfo>
            </GetChangeResponse>
            """));

        var response = await Client(server).GetChangeAsync(new() { Id = "/change/C2682N5HXP0BZ4" });

        Contract.AssertSameAsBotocore(server.Requests.Single(),
            BotocoreOracle.Serialize("route53", "GetChange", new { Id = "C2682N5HXP0BZ4" }));
        Assert.Equal(ChangeStatus.Insync, response.ChangeInfo!.Status);
        Assert.Null(response.ChangeInfo.Comment);
        Assert.Equal("req-1", response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task GetHealthCheckStatus_DocumentedResponse_MatchesBotocoreAndParses()
    {
        using var server = new CaptureServer().Answer(Xml(200, $"""
            <GetHealthCheckStatusResponse xmlns="{Ns}">
              <HealthCheckObservations>
                <HealthCheckObservation>
                  <IPAddress>192.0.2.197</IPAddress><Region>us-east-1</Region>
                  <StatusReport>
                    <Status>Success: HTTP Status Code: 200. Resolved IP: 192.0.2.2. OK</Status>
                    <CheckedTime>2014-10-27T17:48:25.038Z</CheckedTime>
                  </StatusReport>
                </HealthCheckObservation>
                <HealthCheckObservation>
                  <IPAddress>192.0.2.42</IPAddress><Region>eu-west-1</Region>
                  <StatusReport>
                    <Status>Failure: Connection timed out.</Status><CheckedTime>2014-10-27T17:48:26Z</CheckedTime>
                  </StatusReport>
                </HealthCheckObservation>
              </HealthCheckObservations>
            </GetHealthCheckStatusResponse>
            """));

        var response = await Client(server).GetHealthCheckStatusAsync(
            new() { HealthCheckId = "3a4b5c6d-0000-4000-8000-000000000001" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "route53", "GetHealthCheckStatus", new { HealthCheckId = "3a4b5c6d-0000-4000-8000-000000000001" }));
        Assert.Equal(["us-east-1", "eu-west-1"], response.HealthCheckObservations.Select(o => o.Region));
        var first = response.HealthCheckObservations[0];
        Assert.Equal("192.0.2.197", first.IPAddress);
        Assert.StartsWith("Success:", first.StatusReport!.Status, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2014, 10, 27, 17, 48, 25, 38, TimeSpan.Zero), first.StatusReport.CheckedTime);
        Assert.StartsWith(
            "Failure:", response.HealthCheckObservations[1].StatusReport!.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOperation_ClientInEuWest1_IsSignedForUsEast1()
    {
        using var server = new CaptureServer().Answer(Xml(200,
            $"""
            <GetChangeResponse xmlns="{Ns}">
              <ChangeInfo><Id>/change/C1</Id><Status>INSYNC</Status></ChangeInfo>
            </GetChangeResponse>
            """));

        await Client(server).GetChangeAsync(new() { Id = "C1" });

        var authorization = server.Requests.Single().Headers["authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIATESTTESTTEST/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-east-1/route53/aws4_request", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_NoOverrideInEuWest1_IsTheGlobalEndpointSignedForUsEast1()
    {
        var config = new AwsClientConfig(AmazonRoute53Client.Service) { RegionEndpoint = RegionEndpoint.EUWest1 };

        var endpoint = config.DetermineServiceOperationEndpoint(new(new GetChangeRequest { Id = "C1" }));

        Assert.Equal("https://route53.amazonaws.com", endpoint.URL.TrimEnd('/'));
        Assert.Equal("us-east-1", config.AuthenticationRegion);
    }

    private static ResourceRecordSet AliasRecord() => new()
    {
        Name = "chat.example.com.",
        Type = RRType.A,
        AliasTarget = new()
        {
            HostedZoneId = "Z32O12XQLNTSW2",
            DNSName = "dial-lb-1.eu-west-1.elb.amazonaws.com.",
            EvaluateTargetHealth = true,
        },
    };

    private static object AliasRecordParams() => new
    {
        Name = "chat.example.com.",
        Type = "A",
        AliasTarget = new
        {
            HostedZoneId = "Z32O12XQLNTSW2",
            DNSName = "dial-lb-1.eu-west-1.elb.amazonaws.com.",
            EvaluateTargetHealth = true,
        },
    };

    private static ResourceRecordSet CnameRecord() => new()
    {
        Name = "chat.example.com.",
        Type = RRType.Cname,
        SetIdentifier = "eu-west-1",
        Failover = ResourceRecordSetFailover.Primary,
        TTL = 60,
        ResourceRecords = [new() { Value = "dial-eu.example.com" }],
        HealthCheckId = "3a4b5c6d-0000-4000-8000-000000000001",
    };

    private static object CnameRecordParams() => new
    {
        Name = "chat.example.com.",
        Type = "CNAME",
        SetIdentifier = "eu-west-1",
        Failover = "PRIMARY",
        TTL = 60,
        ResourceRecords = new[] { new { Value = "dial-eu.example.com" } },
        HealthCheckId = "3a4b5c6d-0000-4000-8000-000000000001",
    };
}
