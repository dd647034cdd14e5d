using System.Text;
using System.Text.Json.Nodes;
using DialControl.Functions.Hosting;
using DialControl.Functions.Quotas;
using DialControl.Functions.Tests.Quotas.Support;
using DialControl.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DialControl.Functions.Tests.Quotas;

public sealed class BedrockQuotaCreateTests
{
    private static FunctionEnvironment Environment(Dictionary<string, string> settings) =>
        new(settings, new FakeTimeProvider(QuotaHarness.Now), new ListLoggerFactory(), new RecordingMetrics(),
            new AwsClientFactory(settings, TestCredentials.Basic));

    [Fact]
    public void FunctionTable_BedrockQuota_IsRegistered()
    {
        Assert.True(FunctionTable.Functions.ContainsKey("BedrockQuota"));
    }

    [Fact]
    public void Create_NoSettings_FailsTheColdStartNamingEveryMissingSetting()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            FunctionTable.Functions["BedrockQuota"](Environment([])));

        Assert.Equal("Invalid configuration (3 problems): BEDROCK_MODELS is not set; set it to a JSON array of " +
            "models (see docs/bedrock-quota.md); STATE_TABLE is not set; expected a DynamoDB table name; " +
            "AWS_REGION is not set; expected a region such as us-east-1", error.Message);
    }

    [Fact]
    public async Task Create_ValidSettings_BuildsClientsWithoutCallingAwsAndSkipsBadInput()
    {
        var settings = new QuotaHarness().Settings;
        settings["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";
        settings["EVENT_BUS_NAME"] = "arn:aws:events:eu-west-1:123456789012:event-bus/dialcontrol";

        var function = BedrockQuotaFunction.Create(Environment(settings));
        var response = await function.InvokeAsync(Encoding.UTF8.GetBytes("{}"), new FakeLambdaContext());

        Assert.Equal("skipped", JsonNode.Parse(response)!["status"]!.GetValue<string>());
    }
}
