using System.Security.Cryptography;
using System.Text;
using DialControl.Aws.Eks;

namespace DialControl.Functions.Failover;

/// <summary>Activates the standby node groups and checks that they reached their targets.</summary>
internal sealed class CapacitySteps(FailoverOptions options, FailoverServices services)
{
    private static readonly string[] s_fatalStatuses = ["CREATE_FAILED", "DELETING", "DELETE_FAILED"];

    /// <summary>
    /// Raises each node group below its target to it (and its max size where needed). Node groups
    /// already at or above the target are left alone, so a retried or repeated step changes nothing twice.
    /// </summary>
    public async Task<ActivationOutput> ActivateAsync(FailoverPlan plan, CancellationToken cancellationToken)
    {
        var reader = new NodegroupReader(services.Eks, options.Region, options.ClusterName);
        var changed = new List<NodegroupChange>();
        var unchanged = new List<string>();
        foreach (var group in Known(plan))
        {
            var current = (await reader.DescribeAsync(group.Name, cancellationToken)).ScalingConfig;
            var desired = current?.DesiredSize ?? 0;
            var max = current?.MaxSize ?? 0;
            string? updateId = null;
            if (desired < group.TargetSize)
            {
                updateId = await UpdateAsync(plan, group, CapacityTargets.MaxSizeFor(group.TargetSize, max), changed,
                    cancellationToken);
            }

            // Raised by this execution (now or on an earlier attempt) when it was below target at plan time.
            if (group.CurrentDesiredSize < group.TargetSize)
            {
                changed.Add(new NodegroupChange
                {
                    Name = group.Name,
                    PreviousDesiredSize = group.CurrentDesiredSize,
                    DesiredSize = group.TargetSize,
                    PreviousMaxSize = group.CurrentMaxSize,
                    MaxSize = CapacityTargets.MaxSizeFor(group.TargetSize, Math.Max(max, group.CurrentMaxSize)),
                    UpdateId = updateId,
                });
            }
            else
            {
                unchanged.Add(group.Name);
            }
        }

        return new ActivationOutput
        {
            Changed = changed,
            Unchanged = unchanged,
            Summary = FailoverNarrative.Activated(changed, unchanged),
        };
    }

    /// <summary>Ready when every node group is ACTIVE with a desired size at or above its target.</summary>
    public async Task<CapacityOutput> CheckAsync(FailoverPlan plan, CancellationToken cancellationToken)
    {
        var reader = new NodegroupReader(services.Eks, options.Region, options.ClusterName);
        var ready = true;
        var seen = new List<string>();
        foreach (var group in Known(plan))
        {
            var current = await reader.DescribeAsync(group.Name, cancellationToken);
            var status = current.Status ?? "UNKNOWN";
            var desired = current.ScalingConfig?.DesiredSize ?? 0;
            if (s_fatalStatuses.Contains(status))
            {
                throw new FailoverStepException($"Standby node group {group.Name} in cluster {options.ClusterName} " +
                    $"({options.Region}) is {status}; it cannot take the load. " +
                    "Repair or recreate it, then start again.");
            }

            ready &= status == NodegroupStatus.Active && desired >= group.TargetSize;
            seen.Add($"{group.Name} {status} desired {desired} of target {group.TargetSize}");
        }

        return new CapacityOutput { Ready = ready, Summary = string.Join("; ", seen) };
    }

    private async Task<string?> UpdateAsync(FailoverPlan plan, NodegroupPlan group, int maxSize,
        List<NodegroupChange> changedSoFar, CancellationToken cancellationToken)
    {
        try
        {
            var response = await AwsCalls.RunAsync(
                $"EKS UpdateNodegroupConfig of node group {group.Name} in cluster {options.ClusterName} " +
                $"({options.Region}) to desired {group.TargetSize}, max {maxSize}",
                () => services.Eks.UpdateNodegroupConfigAsync(new()
                {
                    ClusterName = options.ClusterName,
                    NodegroupName = group.Name,
                    ScalingConfig = new NodegroupScalingConfig { DesiredSize = group.TargetSize, MaxSize = maxSize },
                    ClientRequestToken = RequestToken(plan.Execution.Id, group.Name, group.TargetSize),
                }, cancellationToken), cancellationToken);
            return response.Update?.Id;
        }
        catch (FailoverStepException e) when (changedSoFar.Count > 0)
        {
            throw new FailoverStepException(e.Message + " Already raised by this step: " +
                string.Join(", ", changedSoFar.Select(c => $"{c.Name} {c.PreviousDesiredSize}->{c.DesiredSize}")) + ".",
                e);
        }
    }

    /// <summary>
    /// The plan's node groups, all checked first: a plan cannot name one this function does not manage.
    /// </summary>
    private List<NodegroupPlan> Known(FailoverPlan plan)
    {
        var unknown = plan.Nodegroups
            .FirstOrDefault(p => !options.Nodegroups.Any(g => string.Equals(g.Name, p.Name, StringComparison.Ordinal)));
        return unknown is null ? [.. plan.Nodegroups] : throw new FailoverStepException(
            $"The plan names node group {unknown.Name}, which FAILOVER_NODEGROUPS does not list; the plan is from " +
            "another configuration. Start a new execution. Nothing was changed.");
    }

    /// <summary>The same execution, node group and size give the same token, so EKS applies it once.</summary>
    private static string RequestToken(string? executionId, string nodegroup, int size) =>
        "dialcontrol-" + Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes($"{executionId}|{nodegroup}|{size}")))[..32];
}
