using System.Text.Json.Serialization;
using Amazon.Runtime;
using DialControl.Aws.Runtime.Json;

// The EKS operations DialControl uses, named as in AWSSDK.EKS (namespace Amazon.EKS.Model); only the
// members DialControl reads or writes are modelled. Wire names are camelCase (restJson1).
namespace DialControl.Aws.Eks;

/// <summary>Request of DescribeCluster (GET /clusters/{name}).</summary>
public sealed class DescribeClusterRequest : AmazonWebServiceRequest
{
    /// <summary>The cluster name.</summary>
    [JsonIgnore] public string? Name { get; set; }
}

/// <summary>Response of DescribeCluster.</summary>
public sealed class DescribeClusterResponse : AmazonWebServiceResponse
{
    /// <summary>The cluster.</summary>
    public Cluster? Cluster { get; set; }
}

/// <summary>An EKS cluster.</summary>
public sealed class Cluster
{
    /// <summary>The cluster name.</summary>
    public string? Name { get; set; }

    /// <summary>The cluster ARN.</summary>
    public string? Arn { get; set; }

    /// <summary>CREATING, ACTIVE, DELETING, FAILED, UPDATING or PENDING.</summary>
    public string? Status { get; set; }

    /// <summary>The Kubernetes version.</summary>
    public string? Version { get; set; }

    /// <summary>The API server endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>When the cluster was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>Request of ListNodegroups (GET /clusters/{name}/node-groups).</summary>
public sealed class ListNodegroupsRequest : AmazonWebServiceRequest
{
    /// <summary>The cluster name.</summary>
    [JsonIgnore] public string? ClusterName { get; set; }

    /// <summary>Page size, 1 to 100.</summary>
    [JsonIgnore] public int? MaxResults { get; set; }

    /// <summary>The token of the next page.</summary>
    [JsonIgnore] public string? NextToken { get; set; }
}

/// <summary>Response of ListNodegroups.</summary>
public sealed class ListNodegroupsResponse : AmazonWebServiceResponse
{
    /// <summary>Node group names.</summary>
    public List<string> Nodegroups { get; set; } = [];

    /// <summary>The token of the next page, or null on the last one.</summary>
    public string? NextToken { get; set; }
}

/// <summary>Request of DescribeNodegroup (GET /clusters/{name}/node-groups/{nodegroupName}).</summary>
public sealed class DescribeNodegroupRequest : AmazonWebServiceRequest
{
    /// <summary>The cluster name.</summary>
    [JsonIgnore] public string? ClusterName { get; set; }

    /// <summary>The node group name.</summary>
    [JsonIgnore] public string? NodegroupName { get; set; }
}

/// <summary>Response of DescribeNodegroup.</summary>
public sealed class DescribeNodegroupResponse : AmazonWebServiceResponse
{
    /// <summary>The node group.</summary>
    public Nodegroup? Nodegroup { get; set; }
}

/// <summary>An EKS managed node group.</summary>
public sealed class Nodegroup
{
    /// <summary>The node group name.</summary>
    public string? NodegroupName { get; set; }

    /// <summary>The node group ARN.</summary>
    public string? NodegroupArn { get; set; }

    /// <summary>The cluster it belongs to.</summary>
    public string? ClusterName { get; set; }

    /// <summary>See <see cref="NodegroupStatus"/>.</summary>
    public string? Status { get; set; }

    /// <summary>Sizes: min, max, desired.</summary>
    public NodegroupScalingConfig? ScalingConfig { get; set; }

    /// <summary>When the node group was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the node group was last changed; the scale-nodes cooldown counts from it.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary>Kubernetes labels of the nodes.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}

/// <summary>The values of <see cref="Nodegroup.Status"/>.</summary>
public static class NodegroupStatus
{
    /// <summary>Ready and not changing.</summary>
    public const string Active = "ACTIVE";

    /// <summary>An update is being applied.</summary>
    public const string Updating = "UPDATING";

    /// <summary>Being created.</summary>
    public const string Creating = "CREATING";

    /// <summary>Being deleted.</summary>
    public const string Deleting = "DELETING";

    /// <summary>Degraded: nodes may be missing.</summary>
    public const string Degraded = "DEGRADED";
}

/// <summary>The sizes of a node group.</summary>
public sealed class NodegroupScalingConfig
{
    /// <summary>The fewest nodes the Auto Scaling group may have.</summary>
    public int? MinSize { get; set; }

    /// <summary>The most nodes the Auto Scaling group may have.</summary>
    public int? MaxSize { get; set; }

    /// <summary>The nodes wanted now.</summary>
    public int? DesiredSize { get; set; }
}

/// <summary>
/// Request of UpdateNodegroupConfig (POST /clusters/{name}/node-groups/{nodegroupName}/update-config).
/// </summary>
public sealed class UpdateNodegroupConfigRequest : AmazonWebServiceRequest
{
    /// <summary>The cluster name.</summary>
    [JsonIgnore] public string? ClusterName { get; set; }

    /// <summary>The node group name.</summary>
    [JsonIgnore] public string? NodegroupName { get; set; }

    /// <summary>The new sizes; only the members set are changed.</summary>
    public NodegroupScalingConfig? ScalingConfig { get; set; }

    /// <summary>Makes a retried call idempotent at EKS: the same token is one update.</summary>
    public string? ClientRequestToken { get; set; }
}

/// <summary>Response of UpdateNodegroupConfig.</summary>
public sealed class UpdateNodegroupConfigResponse : AmazonWebServiceResponse
{
    /// <summary>The update EKS started.</summary>
    public Update? Update { get; set; }
}

/// <summary>An asynchronous EKS update.</summary>
public sealed class Update
{
    /// <summary>The update id.</summary>
    public string? Id { get; set; }

    /// <summary>InProgress, Failed, Cancelled or Successful.</summary>
    public string? Status { get; set; }

    /// <summary>For example ConfigUpdate.</summary>
    public string? Type { get; set; }

    /// <summary>When the update started.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }
}
