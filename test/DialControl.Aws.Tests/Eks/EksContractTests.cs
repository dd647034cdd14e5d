using DialControl.Aws.Eks;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Eks;

public sealed class EksContractTests
{
    private static AmazonEKSClient Client(CaptureServer server) =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonEKSClient.Service, "eu-west-1", server.Url));

    [Fact]
    public async Task DescribeCluster_RequestAndResponse_MatchBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200,
            """{"cluster":{"name":"dial","arn":"arn:aws:eks:eu-west-1:""" +
            """123456789012:cluster/dial","status":"ACTIVE","version":"1.31","createdAt":1733246400.25}}"""));

        var response = await Client(server).DescribeClusterAsync(new() { Name = "dial" });

        Contract.AssertSameAsBotocore(server.Requests.Single(),
            BotocoreOracle.Serialize("eks", "DescribeCluster", new { name = "dial" }));
        Assert.Equal("ACTIVE", response.Cluster!.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1733246400250), response.Cluster.CreatedAt);
    }

    [Fact]
    public async Task ListNodegroups_WithPaging_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200,
            """{"nodegroups":["core","gpu"],"nextToken":"page-2"}"""));

        var response = await Client(server).ListNodegroupsAsync(
            new() { ClusterName = "dial", MaxResults = 50, NextToken = "page/1+x" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "eks", "ListNodegroups", new { clusterName = "dial", maxResults = 50, nextToken = "page/1+x" }));
        Assert.Equal(["core", "gpu"], response.Nodegroups);
        Assert.Equal("page-2", response.NextToken);
    }

    [Fact]
    public async Task DescribeNodegroup_LabelNeedingEncoding_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200,
            """{"nodegroup":{"nodegroupName":"core ng","status":"ACTIVE","scalingConfig":{"minSize":""" +
            """1,"maxSize":10,"desiredSize":3},"modifiedAt":1733246460}}"""));

        var response = await Client(server).DescribeNodegroupAsync(
            new() { ClusterName = "dial", NodegroupName = "core ng" });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "eks", "DescribeNodegroup", new { clusterName = "dial", nodegroupName = "core ng" }));
        Assert.Equal(3, response.Nodegroup!.ScalingConfig!.DesiredSize);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733246460), response.Nodegroup.ModifiedAt);
    }

    [Fact]
    public async Task UpdateNodegroupConfig_Body_MatchesBotocore()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(200,
            """{"update":{"id":"u-1","status":"InProgress","type":"ConfigUpdate","createdAt":1733246400}}"""));

        var response = await Client(server).UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "dial",
            NodegroupName = "core",
            ScalingConfig = new() { DesiredSize = 4 },
            ClientRequestToken = "alarm-123",
        });

        Contract.AssertSameAsBotocore(server.Requests.Single(), BotocoreOracle.Serialize(
            "eks", "UpdateNodegroupConfig", new
            {
                clusterName = "dial",
                nodegroupName = "core",
                scalingConfig = new { desiredSize = 4 },
                clientRequestToken = "alarm-123",
            }));
        Assert.Equal("u-1", response.Update!.Id);
    }

    [Fact]
    public async Task UpdateNodegroupConfig_ResourceInUse_ThrowsTypedExceptionWithoutRetry()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(409,
            """{"message":"Nodegroup core is currently being updated"}""",
            Headers: new Dictionary<string, string>
            {
                ["x-amzn-ErrorType"] = "ResourceInUseException:http://internal.amazon.com/coral/com.amazonaws.eks/",
            }));

        var error = await Assert.ThrowsAsync<DialControl.Aws.Errors.ResourceInUseException>(() =>
            Client(server).UpdateNodegroupConfigAsync(new()
            {
                ClusterName = "dial",
                NodegroupName = "core",
                ScalingConfig = new() { DesiredSize = 4 },
            }));

        Assert.Equal("ResourceInUseException", error.ErrorCode);
        Assert.Equal(409, (int)error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Contains("currently being updated", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DescribeNodegroup_NotFound_ThrowsResourceNotFound()
    {
        using var server = new CaptureServer().Answer(new CannedResponse(404,
            """{"message":"No node group found for name: gpu."}""",
            Headers: new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException" }));

        var error = await Assert.ThrowsAsync<DialControl.Aws.Errors.ResourceNotFoundException>(() =>
            Client(server).DescribeNodegroupAsync(new() { ClusterName = "dial", NodegroupName = "gpu" }));

        Assert.Equal("EKS", error.ServiceId);
        Assert.Equal("DescribeNodegroup", error.Operation);
    }
}
