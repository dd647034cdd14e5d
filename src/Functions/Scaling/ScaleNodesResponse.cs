namespace DialControl.Functions.Scaling;

/// <summary>What an invocation returns: its decisions, as logged.</summary>
/// <param name="Decisions">One entry per alarm evaluated (one for an alarm event).</param>
internal sealed record ScaleNodesResponse(IReadOnlyList<ScaleOutcome> Decisions);
