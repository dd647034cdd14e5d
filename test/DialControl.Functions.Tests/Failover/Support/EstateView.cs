using System.Text.Json.Nodes;

namespace DialControl.Functions.Tests.Failover.Support;

/// <summary>The estate as boto3 sees it after an execution.</summary>
/// <param name="RecordTarget">The alias DNS name of the DIAL record (with the trailing dot).</param>
/// <param name="RecordTargetZone">The alias's hosted zone id.</param>
/// <param name="Core">The standby's core node group: desired and max size.</param>
/// <param name="Gpu">The standby's gpu node group: desired and max size.</param>
/// <param name="Events">The EventBridge events the rule delivered (envelopes).</param>
/// <param name="Messages">The SNS notifications the topic delivered (envelopes).</param>
public sealed record EstateView(
    string RecordTarget,
    string RecordTargetZone,
    (int Desired, int Max) Core,
    (int Desired, int Max) Gpu,
    IReadOnlyList<JsonObject> Events,
    IReadOnlyList<JsonObject> Messages);
