using System.Text.Json;

namespace DialControl.Functions.Failover;

/// <summary>
/// The sentences the workflow tells humans: plan summaries, the success message, and the failure
/// cause that says what failed, what was changed, what was not, and what to do next. Pure functions
/// of the state document, so every wording is tested.
/// </summary>
internal static class FailoverNarrative
{
    /// <summary>The plan when the record already points here.</summary>
    public static string AlreadyActive(FailoverPlan plan) =>
        $"Already active: {RecordName(plan)} already points at {plan.Record.TargetValue} ({plan.Region}); " +
        "nothing was changed.";

    /// <summary>The plan of a dry run.</summary>
    public static string DryRun(FailoverPlan plan) =>
        $"Dry run, nothing was changed. A failover to {plan.Region} would {Intent(plan)}.";

    /// <summary>The plan of a real run.</summary>
    public static string Proceed(FailoverPlan plan) => $"Failing over to {plan.Region}: will {Intent(plan)}.";

    /// <summary>What activation did.</summary>
    public static string Activated(IReadOnlyList<NodegroupChange> changed, IReadOnlyList<string> unchanged)
    {
        var parts = changed.Select(c => $"{c.Name} desired {c.PreviousDesiredSize}->{c.DesiredSize}" +
            (c.MaxSize != c.PreviousMaxSize ? $", max {c.PreviousMaxSize}->{c.MaxSize}" : string.Empty)).ToList();
        parts.AddRange(unchanged.Select(u => $"{u} already at its target"));
        return parts.Count == 0 ? "no node groups configured" : "raised " + string.Join("; ", parts);
    }

    /// <summary>The success announcement.</summary>
    public static string Completed(FailoverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = state.Plan;
        var forced = state.Dns?.Forced == true
            ? $" FORCED although the standby was unhealthy ({state.Health?.Summary})."
            : "";
        return $"Failover to {plan?.Region} completed. Reason: {state.Request?.Reason}. Node groups: " +
            $"{state.Activation?.Summary ?? "not changed"}. DNS: {DnsChange(state)}, INSYNC.{forced} " +
            $"Execution: {plan?.Execution.Id}. No fail-back is needed when {plan?.PeerRegion} recovers.";
    }

    /// <summary>The Fail state's error and cause.</summary>
    public static (string Error, string Cause) Failure(FailoverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var error = state.Error?.Error ?? "FailoverFailed";
        var stage = Stage(state);
        var region = state.Plan?.Region ?? "this region";
        var cause = $"Failover to {region} failed while it tried to {stage}: {CleanCause(state.Error?.Cause)} " +
            $"Changed: {Changed(state)}. Not changed: {NotChanged(state)}. Next: {Next(state, error)}";
        return (error, cause);
    }

    /// <summary>
    /// The readable part of a Catch's cause: Step Functions gives a Lambda error as JSON
    /// (<c>errorMessage</c>); a local interpreter as <c>Type: message</c>.
    /// </summary>
    public static string CleanCause(string? cause)
    {
        var text = (cause ?? "no cause given").Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("errorMessage", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    text = message.GetString()!;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: keep the text as it is.
            }
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && text[..colon].EndsWith("Exception", StringComparison.Ordinal) && !text[..colon].Contains(' '))
        {
            text = text[(colon + 2)..];
        }

        return text.EndsWith('.') ? text : text + ".";
    }

    private static string Intent(FailoverPlan plan)
    {
        var groups = plan.Nodegroups.Select(g => g.CurrentDesiredSize >= g.TargetSize
            ? $"{g.Name} stays at {g.CurrentDesiredSize} (target {g.TargetSize})"
            : $"{g.Name} {g.CurrentDesiredSize}->{g.TargetSize} ({Basis(g)})");
        return $"raise node groups [{string.Join("; ", groups)}], then switch {RecordName(plan)} from " +
            $"{plan.Record.CurrentValue ?? "(no record)"} to {plan.Record.TargetValue}";
    }

    private static string Basis(NodegroupPlan g) => g.RecordedSize is { } recorded
        ? $"configured {g.ConfiguredSize}, {g.PrimaryName} recorded at {recorded} on {g.RecordedAt:u}"
        : $"configured {g.ConfiguredSize}, no recorded size of {g.PrimaryName}";

    private static string RecordName(FailoverPlan plan) => $"{plan.Record.Name} {plan.Record.Type}";

    private static string DnsChange(FailoverState state) =>
        $"{state.Plan?.Record.Name} switched from {state.Dns?.PreviousValue ?? "(no record)"} " +
        $"to {state.Dns?.NewValue} " +
        $"(change {state.Dns?.ChangeId})";

    private static string Stage(FailoverState state) => state switch
    {
        { Plan: null } or { Decision: not PlanDecision.Proceed } => "plan",
        { Activation: null } => "raise the standby node groups",
        { Capacity.Ready: not true } => "wait for the standby capacity",
        { Dns: null, Health.Healthy: true } => "switch DNS",
        { Dns: null, Request.Force: true, Health: not null } => "switch DNS",
        { Dns: null } => "confirm the standby is healthy",
        { Sync.Status: not "INSYNC" } or { Sync: null } => "confirm the DNS change is INSYNC",
        _ => "announce the completed failover",
    };

    private static string Changed(FailoverState state)
    {
        var changes = new List<string>();
        if (state.Activation is { Changed.Count: > 0 } activation)
        {
            changes.Add("node groups " + activation.Summary);
        }

        if (state.Dns is not null)
        {
            changes.Add($"DNS {DnsChange(state)}");
        }

        return changes.Count == 0 ? "nothing" : string.Join("; ", changes);
    }

    private static string NotChanged(FailoverState state)
    {
        var kept = new List<string>();
        if (state.Activation is null)
        {
            kept.Add(state.Plan is null || Stage(state) == "plan"
                ? "node groups"
                : "node groups (unless the error above lists some as already raised)");
        }

        if (state.Dns is null)
        {
            kept.Add(state.Plan is { } plan
                ? $"DNS: {RecordName(plan)} still points at {plan.Record.CurrentValue ?? "(no record)"}"
                : "DNS");
        }

        return kept.Count == 0 ? "nothing" : string.Join("; ", kept);
    }

    private static string Next(FailoverState state, string error) => error switch
    {
        nameof(FailoverInputException) => "fix the input and start the execution again.",
        nameof(FailoverRefusedException) => "let the running failover finish; start again only if it fails.",
        "FailoverCapacityTimeout" => "check the node groups (aws eks describe-nodegroup) and start again; " +
            "node groups already raised stay as they are.",
        "FailoverStandbyUnhealthy" => "check the standby endpoint; if it must take the traffic anyway, start again " +
            "with \"force\": true.",
        "FailoverSyncTimeout" =>
            $"the change stays submitted; check it with aws route53 get-change --id {state.Dns?.ChangeId}.",
        _ when Stage(state) == "announce the completed failover" =>
            "the failover itself completed; tell the users' channel by hand.",
        _ => "fix the cause above and start again; steps already done are skipped.",
    };
}
