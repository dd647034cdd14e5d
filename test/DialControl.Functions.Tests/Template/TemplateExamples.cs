namespace DialControl.Functions.Tests.Template;

/// <summary>
/// Values for the parameters that have no default, as an operator would give them: with these and
/// every other default, each function must start.
/// </summary>
internal static class TemplateExamples
{
    public static IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PeerRegion"] = "eu-west-1",
            ["ClusterName"] = "dial",
            ["ScalePolicies"] = "[{\"alarm\": \"dialcontrol-scale-dial-core-cpu-high\", " +
                "\"nodegroup\": \"core\", \"direction\": \"out\"}]",
            ["BedrockModels"] = "[{\"modelId\": \"anthropic.claude-sonnet-4-20250514-v1:0\", " +
                "\"regions\": [\"us-east-1\"], \"tpmQuotaCode\": \"L-1234ABCD\"}]",
            ["FailoverNodeGroups"] = "dial-core=3,gpu:gpu-primary=2",
            ["HostedZoneId"] = "Z0123456789ABCDEFGHIJ",
            ["RecordName"] = "dial.example.com",
            ["StandbyTargetDnsName"] = "dial-alb-123456.us-east-1.elb.amazonaws.com",
            ["StandbyTargetHostedZoneId"] = "Z35SXDOTRQ7X7K",
            ["StandbyProbeUrl"] = "https://standby.dial.example.com/health",
        };

    /// <summary>Settings Lambda itself provides, or that only tests and local runs set.</summary>
    public static bool IsProvidedByLambda(string name) =>
        name is "AWS_REGION" or "AWS_LAMBDA_RUNTIME_API" or "_HANDLER" or "AWS_LAMBDA_FUNCTION_NAME"
            or "AWS_LAMBDA_LOG_LEVEL"
        || IsEndpointOverride(name);

    /// <summary>
    /// The SDKs' standard endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt; and
    /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS): every client reads them, only local runs set them.
    /// </summary>
    public static bool IsEndpointOverride(string name) =>
        name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal)
        || name == "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
}
