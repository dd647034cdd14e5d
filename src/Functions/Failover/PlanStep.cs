namespace DialControl.Functions.Failover;

/// <summary>
/// The workflow's first step: validates the input, reads the record, the standby node groups and the
/// recorded primary sizes, and decides. Reads only; changes nothing.
/// </summary>
internal sealed class PlanStep(FailoverOptions options, FailoverServices services)
{
    /// <summary>The plan and the decision: AlreadyActive, DryRun or Proceed.</summary>
    public async Task<PlanOutput> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        var request = FailoverRequestParser.Parse(input.Input, options.Region);
        var limits = FailoverLimits.Read(input.Limits);
        var execution = input.Execution ?? new ExecutionRef();
        var record = await new Route53Records(services.Route53, options.Record).ReadAsync(cancellationToken);
        var plan = new FailoverPlan
        {
            Region = options.Region,
            PeerRegion = options.PeerRegion,
            Cluster = options.ClusterName,
            Execution = execution,
            Nodegroups = await PlanNodegroupsAsync(cancellationToken),
            Record = new RecordPlan
            {
                HostedZoneId = options.Record.HostedZoneId,
                Name = options.Record.Name,
                Type = options.Record.Type,
                CurrentValue = RecordTarget.ValueOf(record),
                TargetValue = options.Record.TargetDnsName,
            },
            Health = new HealthPlan { HealthCheckId = options.HealthCheckId, ProbeUrl = options.ProbeUrl?.ToString() },
            Limits = limits,
        };
        if (RecordTarget.PointsAtTarget(record, options.Record))
        {
            return Output(request, PlanDecision.AlreadyActive, plan, FailoverNarrative.AlreadyActive(plan));
        }

        if (request.DryRun)
        {
            return Output(request, PlanDecision.DryRun, plan, FailoverNarrative.DryRun(plan));
        }

        await new RunningExecutions(services.StepFunctions).RefuseIfAnotherRunsAsync(execution, cancellationToken);
        return Output(request, PlanDecision.Proceed, plan, FailoverNarrative.Proceed(plan));
    }

    private async Task<List<NodegroupPlan>> PlanNodegroupsAsync(CancellationToken cancellationToken)
    {
        var recorded = await AwsCalls.RunAsync(
            $"DynamoDB Query of the capacity snapshots of {options.PeerClusterName} ({options.PeerRegion}) " +
            $"in table {options.StateTable}",
            () => services.Snapshots.ReadAsync(options.PeerRegion, options.PeerClusterName, cancellationToken),
            cancellationToken);
        var reader = new NodegroupReader(services.Eks, options.Region, options.ClusterName);
        var plans = new List<NodegroupPlan>();
        foreach (var group in options.Nodegroups)
        {
            var current = await reader.DescribeAsync(group.Name, cancellationToken);
            var snapshot = CapacityTargets.Match(group, recorded);
            plans.Add(new NodegroupPlan
            {
                Name = group.Name,
                PrimaryName = group.PrimaryName,
                ConfiguredSize = group.ProductionSize,
                RecordedSize = snapshot?.DesiredSize,
                RecordedAt = snapshot?.RecordedAt,
                CurrentDesiredSize = current.ScalingConfig?.DesiredSize ?? 0,
                CurrentMaxSize = current.ScalingConfig?.MaxSize ?? 0,
                CurrentStatus = current.Status ?? "UNKNOWN",
                TargetSize = CapacityTargets.Target(group.ProductionSize, snapshot?.DesiredSize),
            });
        }

        return plans;
    }

    private static PlanOutput Output(FailoverRequest request, string decision, FailoverPlan plan, string summary) =>
        new() { Request = request, Decision = decision, Summary = summary, Plan = plan };
}
