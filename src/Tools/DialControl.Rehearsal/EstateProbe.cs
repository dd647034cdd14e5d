using System.Text.Json.Nodes;
using DialControl.Testing;

namespace DialControl.Rehearsal;

/// <summary>Reads the estate's state back from moto through boto3, independent of DialControl's clients.</summary>
internal static class EstateProbe
{
    public static (int Min, int Max, int Desired) NodeGroup(string motoUrl, string region)
    {
        var group = Boto3.One(motoUrl, new("eks", "describe_nodegroup",
            new { clusterName = Estate.Cluster, nodegroupName = Estate.NodeGroup }, region))["nodegroup"]!;
        var scaling = group["scalingConfig"]!;
        return (
            scaling["minSize"]!.GetValue<int>(),
            scaling["maxSize"]!.GetValue<int>(),
            scaling["desiredSize"]!.GetValue<int>());
    }

    /// <summary>When EKS last changed the node group; the scale-out cooldown counts from it.</summary>
    public static DateTimeOffset ModifiedAt(string motoUrl, string region)
    {
        var group = Boto3.One(motoUrl, new("eks", "describe_nodegroup",
            new { clusterName = Estate.Cluster, nodegroupName = Estate.NodeGroup }, region))["nodegroup"]!;
        return DateTimeOffset.Parse(
            group["modifiedAt"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string RecordTarget(string motoUrl, string zoneId)
    {
        var sets = Boto3.One(motoUrl, new("route53", "list_resource_record_sets", new { HostedZoneId = zoneId }))
            ["ResourceRecordSets"]!.AsArray();
        var record = sets.FirstOrDefault(r => r!["Name"]!.GetValue<string>().TrimEnd('.') == Estate.RecordName);
        if (record is null)
        {
            return "(no record)";
        }

        return record["AliasTarget"]?["DNSName"]?.GetValue<string>().TrimEnd('.')
            ?? record["ResourceRecords"]![0]!["Value"]!.GetValue<string>().TrimEnd('.');
    }

    /// <summary>Takes every DialControl event delivered to the region's queue so far.</summary>
    public static List<JsonObject> DrainEvents(string motoUrl, string region)
    {
        var events = new List<JsonObject>();
        for (var round = 0; round < 10; round++)
        {
            var received = Boto3.One(motoUrl, new("sqs", "receive_message", new
            {
                QueueUrl = Estate.QueueUrl(motoUrl, region),
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 0,
            }, region));
            var messages = received["Messages"]?.AsArray() ?? [];
            if (messages.Count == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                events.Add(JsonNode.Parse(message!["Body"]!.GetValue<string>())!.AsObject());
                Boto3.Call(motoUrl, new Boto3Call("sqs", "delete_message", new
                {
                    QueueUrl = Estate.QueueUrl(motoUrl, region),
                    ReceiptHandle = message["ReceiptHandle"]!.GetValue<string>(),
                }, region));
            }
        }

        return events;
    }

    public static void SetAlarmState(string motoUrl, string region, string alarm, string state, string reason) =>
        Boto3.Call(motoUrl, new Boto3Call("cloudwatch", "set_alarm_state",
            new { AlarmName = alarm, StateValue = state, StateReason = reason }, region));
}
