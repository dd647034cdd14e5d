using DialControl.Functions.Failover;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class ExecutionNamesTests
{
    private static readonly DateTimeOffset s_at = new(2025, 5, 1, 10, 15, 0, 123, TimeSpan.Zero);

    [Fact]
    public void ForIncident_PlainAlarmName_IsNamePlusUtcTime()
    {
        Assert.Equal("dial-primary-health-20250501T101500Z", ExecutionNames.ForIncident("dial-primary-health", s_at));
    }

    [Fact]
    public void ForIncident_SameIncidentInOtherOffset_IsTheSameName()
    {
        Assert.Equal(
            ExecutionNames.ForIncident("dial-primary-health", s_at),
            ExecutionNames.ForIncident("dial-primary-health", s_at.ToOffset(TimeSpan.FromHours(2))));
    }

    [Fact]
    public void ForIncident_CharactersStepFunctionsRefuses_AreReplacedAndHashed()
    {
        var name = ExecutionNames.ForIncident("DIAL primary/health", s_at);

        Assert.Matches("^DIAL-primary-health-[0-9a-f]{8}-20250501T101500Z$", name);
        Assert.NotEqual(name, ExecutionNames.ForIncident("DIAL primary:health", s_at));
    }

    [Fact]
    public void ForIncident_LongAlarmName_StaysWithinTheLimit()
    {
        var name = ExecutionNames.ForIncident(new string('a', 255), s_at);

        Assert.True(name.Length <= ExecutionNames.MaxLength, $"{name} has {name.Length} characters");
        Assert.Matches("^a{41}-[0-9a-f]{8}-20250501T101500Z$", name);
    }
}
