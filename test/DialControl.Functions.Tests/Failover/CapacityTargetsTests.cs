using DialControl.Functions.Failover;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class CapacityTargetsTests
{
    [Theory]
    [InlineData(3, null, 3)]
    [InlineData(3, 0, 3)]
    [InlineData(3, 2, 3)]
    [InlineData(3, 3, 3)]
    [InlineData(3, 7, 7)]
    public void Target_ConfiguredAndRecorded_IsTheLarger(int configured, int? recorded, int expected)
    {
        Assert.Equal(expected, CapacityTargets.Target(configured, recorded));
    }

    [Theory]
    [InlineData(5, 10, 10)]
    [InlineData(10, 10, 10)]
    [InlineData(12, 10, 12)]
    public void MaxSizeFor_TargetAboveMax_RaisesTheMax(int target, int currentMax, int expected)
    {
        Assert.Equal(expected, CapacityTargets.MaxSizeFor(target, currentMax));
    }

    [Fact]
    public void Match_MappedName_UsesThePrimaryNameNotTheStandbyName()
    {
        var at = DateTimeOffset.UnixEpoch;
        NodegroupSnapshot[] recorded =
        [
            new("eu-central-1", "dial", "gpu", 9, 1, 10, "ACTIVE", at),
            new("eu-central-1", "dial", "gpu-primary", 4, 1, 10, "ACTIVE", at),
        ];

        var match = CapacityTargets.Match(new StandbyNodegroup("gpu", "gpu-primary", 2), recorded);

        Assert.Equal(4, match!.DesiredSize);
    }

    [Fact]
    public void Match_NothingRecorded_IsNull()
    {
        Assert.Null(CapacityTargets.Match(new StandbyNodegroup("core", "core", 3), []));
    }
}
