namespace DialControl.Functions.Failover;

/// <summary>Switches the record to this region and follows the change until Route 53 reports INSYNC.</summary>
internal sealed class DnsSteps(FailoverOptions options, FailoverServices services)
{
    /// <summary>
    /// UPSERTs the record to this region's target. Refuses when the last health check was unhealthy
    /// and the input did not say force: the state machine never routes there, and this keeps it so
    /// even for a hand-made invocation.
    /// </summary>
    public async Task<DnsOutput> SwitchAsync(StepInput input, CancellationToken cancellationToken)
    {
        var request = input.Request ?? throw new FailoverStepException(
            "switchDns needs the validated request ($.request); the state machine definition is from another release.");
        var healthy = input.Health?.Healthy == true;
        if (!healthy && !request.Force)
        {
            throw new FailoverStepException(
                $"Refusing to switch {options.Record.Name} to {options.Record.TargetDnsName}: " +
                $"the standby is not healthy ({input.Health?.Summary ?? "no health result"}) and the input did not " +
                "say force. DNS was not changed.");
        }

        var records = new Route53Records(services.Route53, options.Record);
        var previous = RecordTarget.ValueOf(await records.ReadAsync(cancellationToken));
        var execution = ExecutionName(input.Plan?.Execution?.Id);
        var change = await records.SwitchAsync(
            $"DialControl failover {execution}: {request.Reason}",
            cancellationToken);
        return new DnsOutput
        {
            ChangeId = change.Id ?? string.Empty,
            Status = change.Status ?? "PENDING",
            PreviousValue = previous,
            NewValue = options.Record.TargetDnsName,
            Forced = !healthy,
        };
    }

    /// <summary>The status of the submitted change.</summary>
    public async Task<SyncOutput> CheckSyncAsync(StepInput input, CancellationToken cancellationToken)
    {
        var changeId = input.Dns?.ChangeId;
        if (string.IsNullOrEmpty(changeId))
        {
            throw new FailoverStepException(
                "checkSync needs the change id ($.dns.changeId); " +
                "the state machine definition is from another release.");
        }

        var status = await new Route53Records(services.Route53, options.Record)
            .ChangeStatusAsync(changeId, cancellationToken);
        return new SyncOutput { Status = status };
    }

    /// <summary>The name part of an execution ARN, or the text given.</summary>
    public static string ExecutionName(string? executionArn) =>
        executionArn is null ? "(unknown execution)" : executionArn[(executionArn.LastIndexOf(':') + 1)..];
}
