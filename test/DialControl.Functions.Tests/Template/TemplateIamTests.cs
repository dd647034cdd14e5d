using System.Text;
using System.Text.Json.Nodes;
using DialControl.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Template;

/// <summary>Least privilege: every statement names its resources; "*" only where AWS allows nothing narrower.</summary>
public sealed class TemplateIamTests
{
    private const string GoldenPath = "test/DialControl.Functions.Tests/Template/permissions.golden.txt";
    private static readonly TemplateDocument s_template = TemplateDocument.Load();

    [Fact]
    public void Statements_WithResourceStar_OnlyGrantActionsThatAcceptNoNarrowerResource()
    {
        var offending = StarStatements()
            .SelectMany(s => Actions(s.Statement)
                .Where(a => !ResourceStarActions.All.Contains(a))
                .Select(a => $"{s.Role}: {a}"))
            .ToList();

        Assert.True(offending.Count == 0,
            "Resource \"*\" for actions that accept ARNs: " + string.Join(", ", offending));
    }

    [Fact]
    public void ResourceStarActions_EachIsUsedByTheTemplateAndListedInTheDocs()
    {
        var used = StarStatements().SelectMany(s => Actions(s.Statement)).Distinct().Order(StringComparer.Ordinal);
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "deployment.md"));

        Assert.Equal(ResourceStarActions.All, used);
        Assert.All(ResourceStarActions.All, a => Assert.Contains($"`{a}`", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void Statements_Each_AllowsNamedActionsWithASid()
    {
        foreach (var (role, statement) in s_template.RoleStatements())
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            Assert.False(string.IsNullOrEmpty((string?)statement["Sid"]), $"{role} has a statement without Sid");
            Assert.All(Actions(statement), a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Route53Change_IsLimitedToTheRecordItsTypeAndUpsert()
    {
        var change = Statement("FailoverStepRole", "SwitchRecord");

        var conditions = change["Condition"]!["ForAllValues:StringEquals"]!;
        Assert.Equal("RecordName",
            (string?)conditions["route53:ChangeResourceRecordSetsNormalizedRecordNames"]![0]!["Ref"]);
        Assert.Equal("RecordType", (string?)conditions["route53:ChangeResourceRecordSetsRecordTypes"]![0]!["Ref"]);
        Assert.Equal("UPSERT", (string?)conditions["route53:ChangeResourceRecordSetsActions"]!.AsArray().Single());
        Assert.EndsWith(
            ":::hostedzone/${HostedZoneId}", (string?)change["Resource"]!["Fn::Sub"], StringComparison.Ordinal);
    }

    [Fact]
    public void DynamoDbStatements_Each_IsLimitedToItsReactionsKeyPrefix()
    {
        var prefixes = s_template.RoleStatements()
            .Where(s => Actions(s.Statement).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .ToDictionary(s => s.Role, s => (string?)s.Statement["Condition"]!["ForAllValues:StringLike"]!
                ["dynamodb:LeadingKeys"]!.AsArray().Single(), StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ScaleNodesRole"] = "scale#*", ["BedrockQuotaRole"] = "quota#level#*",
                ["FailoverStepRole"] = "capacity#*", ["FailoverTriggerRole"] = "failover#*",
                ["CapacityRecorderRole"] = "capacity#*",
            },
            prefixes);
    }

    [Fact]
    public void QuotaIncrease_IsGrantedOnlyWithAutoRequestAndOnlyOnBedrockQuotas()
    {
        var statements = s_template.Resources["BedrockQuotaRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!
            ["Statement"]!.AsArray();

        var choice = statements.Single(s => s!["Fn::If"] is not null)!["Fn::If"]!.AsArray();
        Assert.Equal("AutoRequestOn", (string?)choice[0]);
        Assert.Equal("AWS::NoValue", (string?)choice[2]!["Ref"]);
        Assert.EndsWith(":servicequotas:*:${AWS::AccountId}:bedrock/*", (string?)choice[1]!["Resource"]!["Fn::Sub"],
            StringComparison.Ordinal);
    }

    /// <summary>
    /// Every role's grants, one line per statement. A change of permissions shows in review as a diff of
    /// this file; set DIALCONTROL_UPDATE_GOLDEN=1 to rewrite it after an intended change.
    /// </summary>
    [Fact]
    public void Permissions_AllRoles_MatchTheGoldenFile()
    {
        var actual = Permissions();
        var path = RepoPaths.Combine(GoldenPath.Split('/'));
        if (Environment.GetEnvironmentVariable("DIALCONTROL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Permissions()
    {
        var text = new StringBuilder();
        foreach (var (role, statement) in s_template.RoleStatements())
        {
            var keys = statement["Condition"]?.AsObject().SelectMany(c => c.Value!.AsObject().Select(k => k.Key));
            text.Append(role).Append(' ').Append((string?)statement["Sid"]).Append(": ")
                .Append(string.Join(", ", Actions(statement))).Append(" on ")
                .Append(statement["Resource"]!.ToJsonString())
                .Append(keys is null ? string.Empty : " if " + string.Join(", ", keys)).Append('\n');
        }

        return text.ToString();
    }

    private static JsonObject Statement(string role, string sid) =>
        s_template.RoleStatements().Single(s => s.Role == role && (string?)s.Statement["Sid"] == sid).Statement;

    private static IEnumerable<(string Role, JsonObject Statement)> StarStatements() =>
        s_template.RoleStatements().Where(s => s.Statement["Resource"] switch
        {
            JsonValue v => (string?)v == "*",
            JsonArray a => a.Any(r => r is JsonValue v && (string?)v == "*"),
            _ => false,
        });

    private static IReadOnlyList<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray a => [.. a.Select(x => (string)x!)],
        JsonValue v => [(string)v!],
        _ => [],
    };
}
