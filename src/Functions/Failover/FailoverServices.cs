using DialControl.Aws.Eks;
using DialControl.Aws.EventBridge;
using DialControl.Aws.Route53;
using DialControl.Aws.Sns;
using DialControl.Aws.StepFunctions;

namespace DialControl.Functions.Failover;

/// <summary>What the failover steps talk to; tests pass fakes.</summary>
/// <param name="Eks">This region's EKS.</param>
/// <param name="Route53">Route 53 (global; its control plane is in us-east-1).</param>
/// <param name="StepFunctions">This region's Step Functions, to see other running failovers.</param>
/// <param name="Events">This region's EventBridge, for announcements.</param>
/// <param name="Sns">This region's SNS, for announcements.</param>
/// <param name="Snapshots">This region's state table, holding the peer's recorded node group sizes.</param>
/// <param name="Probe">The HTTP probe of the standby endpoint.</param>
internal sealed record FailoverServices(
    IAmazonEKS Eks,
    IAmazonRoute53 Route53,
    IAmazonStepFunctions StepFunctions,
    IAmazonEventBridge Events,
    IAmazonSimpleNotificationService Sns,
    ICapacitySnapshots Snapshots,
    IHealthProbe Probe);
