namespace DialControl.Rehearsal;

/// <summary>How a scenario ended: whether its expected end state was reached, and what was seen.</summary>
internal sealed record ScenarioResult(string Scenario, bool Passed, string Expected, string Observed);
