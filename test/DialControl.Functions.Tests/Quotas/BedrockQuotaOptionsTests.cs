using DialControl.Functions.Hosting;
using DialControl.Functions.Quotas;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class BedrockQuotaOptionsTests
{
    private const string OneModel =
        """[{"modelId": "amazon.nova-pro-v1:0", "regions": ["us-east-1"], "tpmQuotaCode": "L-1A2B3C4D"}]""";

    private static BedrockQuotaOptions Read(Dictionary<string, string> settings) =>
        BedrockQuotaOptionsReader.Read(name => settings.GetValueOrDefault(name));

    private static Dictionary<string, string> Minimal() => new()
    {
        ["BEDROCK_MODELS"] = OneModel,
        ["STATE_TABLE"] = "dialcontrol-state",
        ["AWS_REGION"] = "us-east-1",
    };

    private static IReadOnlyList<string> Problems(Dictionary<string, string> settings) =>
        Assert.Throws<ConfigurationException>(() => Read(settings)).Problems;

    [Fact]
    public void Read_MinimalSettings_UsesTheDocumentedDefaults()
    {
        var options = Read(Minimal());

        Assert.Equal(80, options.WarningPercent);
        Assert.Equal(5, options.WindowMinutes);
        Assert.Equal(60, options.TargetPercent);
        Assert.False(options.AutoRequest);
        Assert.False(options.DryRun);
        Assert.Null(options.SnsTopicArn);
        Assert.Null(options.RequestCapTpm);
        Assert.Equal("default", options.EventBusName);
        var model = Assert.Single(options.Models);
        Assert.Equal(1, model.OutputTokenMultiplier);
        Assert.Null(model.RpmQuotaCode);
        Assert.Empty(model.Alternatives);
    }

    [Fact]
    public void Read_FullModel_ReadsOverridesAlternativesAndCaps()
    {
        var settings = Minimal();
        settings["BEDROCK_MODELS"] =
            """
            [{"modelId": "anthropic.claude-sonnet-4-20250514-v1:0", "regions": ["us-east-1", "eu-west-1"],
              "tpmQuotaCode": "L-11111111", "rpmQuotaCode": "L-22222222", "outputTokenMultiplier": 5,
              "regionQuotaCodes": {"eu-west-1": {"tpmQuotaCode": "L-AAAAAAAA"}},
              "requestCapTpm": 2000000,
              "alternatives": [{"region": "us-west-2", "tpmQuotaCode": "L-33333333"},
                               {"inferenceProfile": "us.anthropic.claude-sonnet-4-20250514-v1:0",
                                "tpmQuotaCode": "L-44444444", "rpmQuotaCode": "L-55555555"}]}]
            """;

        var model = Assert.Single(Read(settings).Models);

        Assert.Equal("L-11111111", model.TpmCodeIn("us-east-1"));
        Assert.Equal("L-22222222", model.RpmCodeIn("us-east-1"));
        Assert.Equal("L-AAAAAAAA", model.TpmCodeIn("eu-west-1"));
        Assert.Null(model.RpmCodeIn("eu-west-1"));
        Assert.Equal(5, model.OutputTokenMultiplier);
        Assert.Equal(2_000_000, model.RequestCapTpm);
        Assert.Equal("us-west-2", model.Alternatives[0].RegionFrom("us-east-1"));
        Assert.Equal(model.ModelId, model.Alternatives[0].ModelIdFor(model));
        Assert.Equal("us-east-1", model.Alternatives[1].RegionFrom("us-east-1"));
        Assert.Equal("us.anthropic.claude-sonnet-4-20250514-v1:0", model.Alternatives[1].ModelIdFor(model));
    }

    [Fact]
    public void Read_EveryScalarSettingWrong_ReportsEachProblemAtOnce()
    {
        var settings = new Dictionary<string, string>
        {
            ["QUOTA_WARNING_PERCENT"] = "120",
            ["QUOTA_TARGET_PERCENT"] = "abc",
            ["QUOTA_WINDOW_MINUTES"] = "2.5",
            ["QUOTA_REQUEST_CAP_TPM"] = "-5",
            ["QUOTA_AUTO_REQUEST"] = "yes",
            ["DRY_RUN"] = "1",
            ["QUOTA_SNS_TOPIC_ARN"] = "quota-alerts",
            ["EVENT_BUS_NAME"] = "bad bus name",
        };

        Assert.Equal(
        [
            "BEDROCK_MODELS is not set; set it to a JSON array of models (see docs/bedrock-quota.md)",
            "QUOTA_WARNING_PERCENT is \"120\"; expected a number from 1 to 99 (default 80)",
            "QUOTA_TARGET_PERCENT is \"abc\"; expected a number from 1 to 99 (default 60)",
            "QUOTA_WINDOW_MINUTES is \"2.5\"; expected a whole number from 1 to 60 (default 5)",
            "QUOTA_REQUEST_CAP_TPM is \"-5\"; expected a positive number in the quota's unit",
            "QUOTA_AUTO_REQUEST is \"yes\"; expected true or false (default false)",
            "DRY_RUN is \"1\"; expected true or false (default false)",
            "QUOTA_SNS_TOPIC_ARN is \"quota-alerts\"; expected arn:aws:sns:<region>:<account>:<topic>",
            "EVENT_BUS_NAME is \"bad bus name\"; expected a bus name or ARN",
            "STATE_TABLE is not set; expected a DynamoDB table name",
            "AWS_REGION is not set; expected a region such as us-east-1",
        ], Problems(settings));
    }

    [Fact]
    public void Read_TargetNotBelowWarning_SaysAGrantedIncreaseWouldStillWarn()
    {
        var settings = Minimal();
        settings["QUOTA_WARNING_PERCENT"] = "70";
        settings["QUOTA_TARGET_PERCENT"] = "70";

        Assert.Equal(["QUOTA_TARGET_PERCENT is 70; it must be below QUOTA_WARNING_PERCENT (70) so a granted " +
            "increase clears the warning"], Problems(settings));
    }

    [Fact]
    public void Read_AutoRequestWithoutCap_NamesTheModelAndTheSettings()
    {
        var settings = Minimal();
        settings["QUOTA_AUTO_REQUEST"] = "true";

        Assert.Equal(["QUOTA_AUTO_REQUEST is true but amazon.nova-pro-v1:0 has no TPM cap; set " +
            "QUOTA_REQUEST_CAP_TPM or its requestCapTpm so a request can never exceed a known bound"],
            Problems(settings));
    }

    [Fact]
    public void Read_AutoRequestWithGlobalCap_IsValid()
    {
        var settings = Minimal();
        settings["QUOTA_AUTO_REQUEST"] = "TRUE";
        settings["QUOTA_REQUEST_CAP_TPM"] = "4000000";

        var options = Read(settings);

        Assert.True(options.AutoRequest);
        Assert.Equal(4_000_000, options.TpmCapFor(options.Models[0]));
    }

    [Fact]
    public void Read_BadModelEntries_ReportsEveryFieldOfEveryEntry()
    {
        var settings = Minimal();
        settings["BEDROCK_MODELS"] =
            """
            [{"regions": [], "tpmQuotaCode": "L-123", "outputTokenMultiplier": 50},
             {"modelId": "m", "regions": ["US-EAST-1"], "tpmQuotaCode": "L-1A2B3C4D", "rpmQuotaCode": "x",
              "requestCapRpm": 0, "regionQuotaCodes": {"eu-west-1": {"tpmQuotaCode": "L-1A2B3C4D"}},
              "alternatives": [{"tpmQuotaCode": "L-1A2B3C4D"}, {"region": "west", "tpmQuotaCode": "L-1A2B3C4D"}]}]
            """;

        Assert.Equal(
        [
            "BEDROCK_MODELS[0].modelId is missing; expected the ModelId dimension of its AWS/Bedrock metrics",
            "BEDROCK_MODELS[0].regions is missing or empty; expected region names such as \"us-east-1\"",
            "BEDROCK_MODELS[0].tpmQuotaCode is \"L-123\"; expected a Service Quotas code such as \"L-1A2B3C4D\" " +
                "(aws service-quotas list-service-quotas --service-code bedrock)",
            "BEDROCK_MODELS[0].outputTokenMultiplier is 50; allowed 1 to 10 (AWS burns 5 per output token for " +
                "some Claude models)",
            "BEDROCK_MODELS[1].regions has \"US-EAST-1\"; expected a region name such as \"us-east-1\"",
            "BEDROCK_MODELS[1].rpmQuotaCode is \"x\"; expected a Service Quotas code such as \"L-1A2B3C4D\" " +
                "(aws service-quotas list-service-quotas --service-code bedrock)",
            "BEDROCK_MODELS[1].requestCapRpm is 0; expected a positive number (the quota's unit)",
            "BEDROCK_MODELS[1].regionQuotaCodes has \"eu-west-1\", which is not in BEDROCK_MODELS[1].regions",
            "BEDROCK_MODELS[1].alternatives[0] names neither region nor inferenceProfile; set at least one",
            "BEDROCK_MODELS[1].alternatives[1].region has \"west\"; expected a region name such as \"us-east-1\"",
        ], Problems(settings));
    }

    [Fact]
    public void Read_MisspelledModelField_FailsInsteadOfIgnoringIt()
    {
        var settings = Minimal();
        settings["BEDROCK_MODELS"] =
            """
            [{"modelId": "m", "regions": ["us-east-1"], "tpmQuotaCode": "L-1A2B3C4D", "rpmQuotacode": "L-1A2B3C4D"}]
            """;

        var problem = Assert.Single(Problems(settings));

        Assert.StartsWith("BEDROCK_MODELS is not valid: The JSON property 'rpmQuotacode' could not be mapped", problem);
        Assert.EndsWith("(expected a JSON array of objects with modelId, regions, tpmQuotaCode, ...)", problem);
    }

    [Theory]
    [InlineData("{}", "BEDROCK_MODELS is not valid: ")]
    [InlineData("[]", "BEDROCK_MODELS has 0 models; allowed 1 to 50")]
    [InlineData("[", "BEDROCK_MODELS is not valid: ")]
    public void Read_ModelsNotAnArrayOfModels_SaysWhatIsExpected(string json, string start)
    {
        var settings = Minimal();
        settings["BEDROCK_MODELS"] = json;

        Assert.StartsWith(start, Assert.Single(Problems(settings)));
    }

    [Fact]
    public void Read_SameModelAndRegionTwice_IsRejected()
    {
        var settings = Minimal();
        settings["BEDROCK_MODELS"] = "[" + OneModel[1..^1] + "," + OneModel[1..^1] + "]";

        Assert.Equal(["BEDROCK_MODELS lists amazon.nova-pro-v1:0 in us-east-1 more than once; each model and " +
            "region once"], Problems(settings));
    }
}
