namespace DialControl.Functions.Tests.Template;

/// <summary>
/// The only actions the template grants on Resource "*": each accepts no narrower resource. The same
/// list is in docs/deployment.md, and the tests keep the two equal.
/// </summary>
internal static class ResourceStarActions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "cloudwatch:GetMetricData",
        "logs:CreateLogDelivery",
        "logs:DeleteLogDelivery",
        "logs:DescribeLogGroups",
        "logs:DescribeResourcePolicies",
        "logs:GetLogDelivery",
        "logs:ListLogDeliveries",
        "logs:PutResourcePolicy",
        "logs:UpdateLogDelivery",
        "servicequotas:GetAWSDefaultServiceQuota",
        "servicequotas:GetServiceQuota",
        "servicequotas:ListRequestedServiceQuotaChangeHistoryByQuota",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:PutTelemetryRecords",
        "xray:PutTraceSegments",
    ];
}
