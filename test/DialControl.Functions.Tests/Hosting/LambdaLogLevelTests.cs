using DialControl.Functions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DialControl.Functions.Tests.Hosting;

public sealed class LambdaLogLevelTests
{
    [Theory]
    [InlineData(null, LogLevel.Information)]
    [InlineData("", LogLevel.Information)]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData(" WARN ", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    public void TryParse_LambdaNames_MapToLevels(string? value, LogLevel expected)
    {
        Assert.True(LambdaLogLevel.TryParse(value, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("WARNING")]
    [InlineData("Information")]
    [InlineData("5")]
    public void TryParse_OtherValues_FalseWithDefault(string value)
    {
        Assert.False(LambdaLogLevel.TryParse(value, out var level));
        Assert.Equal(LogLevel.Information, level);
    }

    [Fact]
    public void Name_EveryLevel_LambdaName()
    {
        var names = Enum.GetValues<LogLevel>().Select(LambdaLogLevel.Name);

        Assert.Equal(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "NONE"], names);
    }

    [Theory]
    [InlineData("SessionToken", true)]
    [InlineData("clientRequestToken", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("Password", true)]
    [InlineData("credentials", true)]
    [InlineData("authorization", true)]
    [InlineData("NodeGroup", false)]
    [InlineData("Tokyo", false)]
    public void IsSensitive_Name_MatchesTheDocumentedParts(string name, bool expected)
    {
        Assert.Equal(expected, LogRedaction.IsSensitive(name));
    }
}
