using Amazon.Runtime;
using DialControl.Aws.Eks;
using DialControl.Aws.Errors;

namespace DialControl.Functions.Scaling;

/// <summary>
/// Acts on one alarm for its node group: read the node group, decide, claim the event, update. The
/// claim comes before the update so that a crash between them is repaired by the redelivery (same
/// clientRequestToken, same target) instead of losing the step, and a finished change is never repeated.
/// </summary>
internal sealed class NodeGroupScaler
{
    /// <summary>Longest lock lease: long enough for EKS to show a change, short of any cooldown wait.</summary>
    public static readonly TimeSpan LockLeaseLimit = TimeSpan.FromSeconds(60);

    private readonly ScaleNodesOptions _options;
    private readonly IAmazonEKS _eks;
    private readonly ScaleClaimStore _claims;
    private readonly TimeProvider _time;

    /// <summary>Creates the scaler.</summary>
    public NodeGroupScaler(ScaleNodesOptions options, IAmazonEKS eks, ScaleClaimStore claims, TimeProvider time)
    {
        _options = options;
        _eks = eks;
        _claims = claims;
        _time = time;
    }

    /// <summary>Decides, and applies the change unless it is a skip or a dry run.</summary>
    public async Task<ScaleOutcome> ScaleAsync(AlarmEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var policy = evaluation.Policy;
        var breach = BreachCalculator.Measure(evaluation.ReasonData, policy.AlarmWhen);
        var outcome = Start(evaluation, breach);
        if (ScaleDecider.CheckAlarm(evaluation.AlarmState, policy, _options.ScaleInEnabled) is { } early)
        {
            return outcome.With(early);
        }

        var observed = await DescribeAsync(evaluation, cancellationToken);
        if (observed is null)
        {
            return outcome.Skipped("nodegroup-not-found", $"node group {policy.NodeGroup} was not found in cluster " +
                $"{_options.Cluster} (ResourceNotFoundException); check SCALE_POLICIES and CLUSTER_NAME; " +
                "nothing changed",
                Microsoft.Extensions.Logging.LogLevel.Error);
        }

        var decision = ScaleDecider.Decide(evaluation.AlarmState, breach, observed, policy, _options.ScaleInEnabled,
            _time.GetUtcNow());
        outcome = Observed(outcome, observed).With(decision);
        if (decision.Kind == ScaleDecisionKind.Skip)
        {
            return outcome;
        }

        return _options.DryRun
            ? outcome with { Reason = $"{decision.Reason}; dry run: nothing changed" }
            : await ApplyAsync(evaluation, observed, outcome, cancellationToken);
    }

    private async Task<ScaleOutcome> ApplyAsync(AlarmEvaluation evaluation, NodeGroupObservation observed,
        ScaleOutcome outcome, CancellationToken cancellationToken)
    {
        var policy = evaluation.Policy;
        var claim = new ScaleClaim(
            evaluation.EventKey,
            _options.Cluster,
            policy.NodeGroup,
            policy.Alarm,
            observed.DesiredSize!.Value,
            outcome.NewDesiredSize!.Value,
            ScaleRequestToken.For(evaluation.EventKey, _options.Cluster, policy.NodeGroup),
            _time.GetUtcNow(),
            policy.Cooldown < LockLeaseLimit ? policy.Cooldown : LockLeaseLimit);
        var result = await ClaimAsync(evaluation, claim, cancellationToken);
        return result.Status switch
        {
            ClaimStatus.Claimed => await UpdateAsync(evaluation, claim.TargetDesiredSize, claim.ClientRequestToken,
                outcome, cancellationToken),
            ClaimStatus.Locked => outcome.Skipped("locked", $"node group {policy.NodeGroup} is being changed for " +
                $"{result.LockHolder ?? "another event"} (lock until " +
                $"{(result.LockedUntil is { } until ? AlarmTimestamp.Short(until) : "unknown")}); event " +
                $"{evaluation.EventKey} changes nothing"),
            _ => await RedeliveredAsync(evaluation, observed, result.Existing, outcome, cancellationToken),
        };
    }

    /// <summary>
    /// The event was claimed before. The node group is the witness of whether that change landed: at the
    /// target size, it did; still at the size the claim saw and not modified since, it did not (the earlier
    /// delivery crashed between claim and update), so the same change is sent again with the same token.
    /// </summary>
    private async Task<ScaleOutcome> RedeliveredAsync(AlarmEvaluation evaluation, NodeGroupObservation observed,
        ScaleClaimRecord? record, ScaleOutcome outcome, CancellationToken cancellationToken)
    {
        var nodeGroup = evaluation.Policy.NodeGroup;
        if (record is null)
        {
            return outcome.Skipped("duplicate", $"event {evaluation.EventKey} was already claimed for node group " +
                $"{nodeGroup}; this delivery changes nothing");
        }

        if (observed.DesiredSize == record.TargetDesiredSize)
        {
            return outcome.Skipped("duplicate", $"event {evaluation.EventKey} already set node group {nodeGroup} " +
                $"to desired size {record.TargetDesiredSize} (claimed at {AlarmTimestamp.Short(record.ClaimedAt)}); " +
                "this delivery changes nothing");
        }

        var untouched = observed.DesiredSize == record.FromDesiredSize &&
            (observed.ModifiedAt is null || observed.ModifiedAt < record.ClaimedAt) &&
            record.TargetDesiredSize >= observed.MinSize && record.TargetDesiredSize <= observed.MaxSize;
        if (!untouched)
        {
            return outcome.Skipped("duplicate", $"event {evaluation.EventKey} was claimed at " +
                $"{AlarmTimestamp.Short(record.ClaimedAt)} for desired size {record.FromDesiredSize} -> " +
                $"{record.TargetDesiredSize}, and node group {nodeGroup} has changed since (desired size " +
                $"{observed.DesiredSize}); this delivery changes nothing");
        }

        return await UpdateAsync(evaluation, record.TargetDesiredSize, record.ClientRequestToken,
            Retry(evaluation, record, outcome), cancellationToken);
    }

    private static ScaleOutcome Retry(AlarmEvaluation evaluation, ScaleClaimRecord record, ScaleOutcome outcome) =>
        outcome with
        {
            Decision = record.TargetDesiredSize > record.FromDesiredSize ? "out" : "in",
            Delta = record.TargetDesiredSize - record.FromDesiredSize,
            NewDesiredSize = record.TargetDesiredSize,
            ReasonCode = "retry",
            Reason = $"event {evaluation.EventKey} was claimed at {AlarmTimestamp.Short(record.ClaimedAt)} but " +
                $"its change never reached node group {evaluation.Policy.NodeGroup} (desired size still " +
                $"{record.FromDesiredSize}); sending desired size {record.FromDesiredSize} -> " +
                $"{record.TargetDesiredSize} again with the same clientRequestToken",
        };

    private async Task<NodeGroupObservation?> DescribeAsync(AlarmEvaluation evaluation,
        CancellationToken cancellationToken)
    {
        try
        {
            var request = new DescribeNodegroupRequest
            {
                ClusterName = _options.Cluster,
                NodegroupName = evaluation.Policy.NodeGroup,
            };
            var response = await _eks.DescribeNodegroupAsync(request, cancellationToken);
            return response.Nodegroup is { } nodegroup ? NodeGroupObservation.From(nodegroup) : null;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
        catch (AmazonServiceException ex)
        {
            throw Failure("EKS DescribeNodegroup", evaluation, ex);
        }
    }

    private async Task<ClaimResult> ClaimAsync(AlarmEvaluation evaluation, ScaleClaim claim,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _claims.TryClaimAsync(claim, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            throw Failure($"DynamoDB TransactWriteItems on table {_options.StateTable}", evaluation, ex);
        }
    }

    private async Task<ScaleOutcome> UpdateAsync(AlarmEvaluation evaluation, int target, string token,
        ScaleOutcome outcome, CancellationToken cancellationToken)
    {
        var request = new UpdateNodegroupConfigRequest
        {
            ClusterName = _options.Cluster,
            NodegroupName = evaluation.Policy.NodeGroup,
            ScalingConfig = new NodegroupScalingConfig { DesiredSize = target },
            ClientRequestToken = token,
        };
        try
        {
            await _eks.UpdateNodegroupConfigAsync(request, cancellationToken);
            return outcome with { Changed = true };
        }
        catch (ResourceInUseException)
        {
            return outcome.Skipped("update-in-progress", $"EKS refused to change node group " +
                $"{evaluation.Policy.NodeGroup}: another update is in progress (ResourceInUseException); desired " +
                $"size stays {outcome.DesiredSize}; the schedule evaluates the alarm again");
        }
        catch (AmazonServiceException ex)
        {
            throw Failure("EKS UpdateNodegroupConfig", evaluation, ex);
        }
    }

    private ScaleOutcome Start(AlarmEvaluation evaluation, Breach breach) => new()
    {
        Trigger = evaluation.Trigger,
        EventKey = evaluation.EventKey,
        Alarm = evaluation.AlarmName,
        AlarmState = evaluation.AlarmState,
        AlarmType = evaluation.AlarmType,
        Cluster = _options.Cluster,
        Nodegroup = evaluation.Policy.NodeGroup,
        Breach = breach.Size,
        Decision = "skip",
        ReasonCode = "undecided",
        Reason = "undecided",
        DryRun = _options.DryRun,
    };

    private static ScaleOutcome Observed(ScaleOutcome outcome, NodeGroupObservation observed) => outcome with
    {
        Status = observed.Status,
        DesiredSize = observed.DesiredSize,
        MinSize = observed.MinSize,
        MaxSize = observed.MaxSize,
    };

    private ScaleNodesException Failure(string operation, AlarmEvaluation evaluation, AmazonServiceException ex) =>
        new($"{operation} for node group {evaluation.Policy.NodeGroup} of cluster {_options.Cluster} (alarm " +
            $"{evaluation.AlarmName}, event {evaluation.EventKey}) failed with {ex.ErrorCode ?? "no error code"} " +
            $"(HTTP {(int)ex.StatusCode}) after the SDK's retries; a redelivery of the event is safe (same " +
            "claim, same clientRequestToken)", ex);
}
