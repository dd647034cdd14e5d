using System.Text.Json;
using DialControl.Functions.Failover;
using Xunit;

namespace DialControl.Functions.Tests.Failover;

public sealed class FailoverRequestParserTests
{
    private static FailoverRequest Parse(string json) =>
        FailoverRequestParser.Parse(JsonDocument.Parse(json).RootElement, "eu-west-1");

    private static FailoverInputException Invalid(string json) =>
        Assert.Throws<FailoverInputException>(() => Parse(json));

    [Fact]
    public void Parse_RequiredFieldsOnly_DefaultsDryRunAndForceToFalse()
    {
        var request = Parse("""{"targetRegion":"eu-west-1","reason":" eu-central-1 outage "}""");

        Assert.Equal(new FailoverRequest("eu-west-1", "eu-central-1 outage", false, false), request);
    }

    [Fact]
    public void Parse_AllFields_ReadsThem()
    {
        var request = Parse("""{"targetRegion":"eu-west-1","reason":"drill","dryRun":true,"force":true}""");

        Assert.Equal(new FailoverRequest("eu-west-1", "drill", true, true), request);
    }

    [Fact]
    public void Parse_EmptyObject_NamesBothRequiredFields()
    {
        var error = Invalid("{}");

        Assert.Equal(
            "The failover input is invalid, so nothing was changed: field 'targetRegion' is required; expected this " +
            "stack's region, eu-west-1; field 'reason' is required; expected a short text saying why, such as " +
            "\"eu-west-1 outage\".",
            error.Message);
    }

    [Fact]
    public void Parse_OtherRegion_SaysWhereToStartIt()
    {
        var error = Invalid("""{"targetRegion":"eu-central-1","reason":"drill"}""");

        Assert.Equal(
            "field 'targetRegion' is 'eu-central-1' but this stack runs in eu-west-1; a failover runs in the region " +
            "it activates, so start it with the state machine of the eu-central-1 stack",
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_MisspelledDryRun_IsRefusedRatherThanRunForReal()
    {
        var error = Invalid("""{"targetRegion":"eu-west-1","reason":"drill","dryrun":true}""");

        Assert.Equal(
            "field 'dryrun' is not known; expected only targetRegion, reason, dryRun, force",
            Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData(
        """{"targetRegion":1,"reason":"x"}""",
        "field 'targetRegion' is the number 1; expected the string \"eu-west-1\"")]
    [InlineData(
        """{"targetRegion":"eu-west-1","reason":""}""",
        "field 'reason' is the string ''; expected a non-empty string saying why")]
    [InlineData(
        """{"targetRegion":"eu-west-1","reason":["a"]}""",
        "field 'reason' is an array; expected a non-empty string saying why")]
    [InlineData(
        """{"targetRegion":"eu-west-1","reason":"x","dryRun":"true"}""",
        "field 'dryRun' is the string 'true'; expected true or false (default false)")]
    [InlineData(
        """{"targetRegion":"eu-west-1","reason":"x","force":null}""",
        "field 'force' is null; expected true or false (default false)")]
    public void Parse_WrongType_NamesFieldValueAndForm(string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(Invalid(json).Problems));
    }

    [Theory]
    [InlineData("\"eu-west-1\"", "the string 'eu-west-1'")]
    [InlineData("[]", "an array")]
    [InlineData("null", "null")]
    public void Parse_NotAnObject_ShowsTheExpectedShape(string json, string seen)
    {
        Assert.Equal(
            $"the input is {seen}; expected a JSON object such as " +
            $"{{\"targetRegion\": \"eu-west-1\", \"reason\": \"eu-west-1 outage\"}}",
            Assert.Single(Invalid(json).Problems));
    }

    [Fact]
    public void Parse_ReasonTooLong_GivesTheLimit()
    {
        var error = Invalid($$"""{"targetRegion":"eu-west-1","reason":"{{new string('x', 1025)}}"}""");

        Assert.Equal("field 'reason' has 1025 characters; expected at most 1024", Assert.Single(error.Problems));
    }
}
