using DialControl.Aws.CloudWatch;
using DialControl.Aws.EventBridge;
using DialControl.Aws.ServiceQuotas;
using DialControl.Aws.Sns;

namespace DialControl.Functions.Quotas;

/// <summary>
/// What the BedrockQuota function talks to: Service Quotas and CloudWatch in each watched region,
/// EventBridge, SNS and the level store in its own region. Tests pass fakes.
/// </summary>
/// <param name="ServiceQuotas">The Service Quotas client of a region.</param>
/// <param name="CloudWatch">The CloudWatch client of a region.</param>
/// <param name="Events">EventBridge in the function's region.</param>
/// <param name="Sns">SNS in the topic's region, or null when no topic is configured.</param>
/// <param name="Levels">The level store.</param>
internal sealed record QuotaServices(
    Func<string, IAmazonServiceQuotas> ServiceQuotas,
    Func<string, IAmazonCloudWatch> CloudWatch,
    IAmazonEventBridge Events,
    IAmazonSimpleNotificationService? Sns,
    IQuotaLevelStore Levels);
