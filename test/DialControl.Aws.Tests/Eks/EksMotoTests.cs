using DialControl.Aws.Eks;
using DialControl.Aws.Runtime;
using DialControl.Aws.Tests.Support;
using DialControl.Testing;
using Xunit;

namespace DialControl.Aws.Tests.Eks;

[Collection(MotoTestGroup.Name)]
public sealed class EksMotoTests(MotoServer moto)
{
    private const string Region = "eu-west-1";

    private AmazonEKSClient Client() =>
        new(TestCredentials.Basic, AwsClientConfig.For(AmazonEKSClient.Service, Region, moto.Url));

    private void SeedCluster(string cluster, params string[] nodegroups)
    {
        var calls = new List<Boto3Call>
        {
            new("eks", "create_cluster", new
            {
                name = cluster,
                roleArn = "arn:aws:iam::123456789012:role/eks",
                resourcesVpcConfig = new { subnetIds = new[] { "subnet-1" } },
            }, Region),
        };
        calls.AddRange(nodegroups.Select(ng => new Boto3Call("eks", "create_nodegroup", new
        {
            clusterName = cluster,
            nodegroupName = ng,
            nodeRole = "arn:aws:iam::123456789012:role/node",
            subnets = new[] { "subnet-1" },
            scalingConfig = new { minSize = 1, maxSize = 10, desiredSize = 2 },
        }, Region)));
        Boto3.Call(moto.Url, [.. calls]);
    }

    [Fact]
    public async Task DescribeClusterAndListNodegroups_SeededCluster_ReturnsWhatMotoHolds()
    {
        SeedCluster("list-test", "core", "gpu");
        var client = Client();

        var cluster = await client.DescribeClusterAsync(new() { Name = "list-test" });
        var groups = await client.ListNodegroupsAsync(new() { ClusterName = "list-test" });

        Assert.Equal("list-test", cluster.Cluster!.Name);
        Assert.Equal(["core", "gpu"], groups.Nodegroups.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateNodegroupConfig_NewDesiredSize_IsStoredInMoto()
    {
        SeedCluster("update-test", "core");
        var client = Client();

        await client.UpdateNodegroupConfigAsync(new()
        {
            ClusterName = "update-test",
            NodegroupName = "core",
            ScalingConfig = new() { DesiredSize = 5 },
            ClientRequestToken = "token-1",
        });

        var seen = Boto3.One(moto.Url, new("eks", "describe_nodegroup",
            new { clusterName = "update-test", nodegroupName = "core" }, Region));
        Assert.Equal(5, seen["nodegroup"]!["scalingConfig"]!["desiredSize"]!.GetValue<int>());
        var described = await client.DescribeNodegroupAsync(
            new() { ClusterName = "update-test", NodegroupName = "core" });
        Assert.Equal(5, described.Nodegroup!.ScalingConfig!.DesiredSize);
        Assert.NotNull(described.Nodegroup.ModifiedAt);
    }

    [Fact]
    public async Task DescribeNodegroup_OtherRegion_IsNotFound()
    {
        SeedCluster("region-test", "core");
        var other = new AmazonEKSClient(TestCredentials.Basic,
            AwsClientConfig.For(AmazonEKSClient.Service, "us-east-2", moto.Url));

        await Assert.ThrowsAsync<DialControl.Aws.Errors.ResourceNotFoundException>(() =>
            other.DescribeNodegroupAsync(new() { ClusterName = "region-test", NodegroupName = "core" }));
    }
}
