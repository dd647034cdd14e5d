using System.Text.Json;

namespace DialControl.Functions.Failover;

/// <summary>
/// The bounds of the workflow's three wait loops. They are the state machine's own settings, so the
/// template sets them as definition substitutions (named below); the Plan state passes them to the
/// plan step, which checks them and puts them in the plan, where the Wait and Choice states read them.
/// </summary>
/// <param name="CapacityPollSeconds">Seconds between node group checks (CapacityPollSeconds, 1-300).</param>
/// <param name="CapacityMaxChecks">Node group checks before giving up (CapacityMaxChecks, 1-200).</param>
/// <param name="HealthPollSeconds">Seconds between health checks (HealthPollSeconds, 1-300).</param>
/// <param name="HealthMaxChecks">Health checks before giving up (HealthMaxChecks, 1-100).</param>
/// <param name="SyncPollSeconds">Seconds between Route 53 change status checks (SyncPollSeconds, 1-300).</param>
/// <param name="SyncMaxChecks">Change status checks before giving up (SyncMaxChecks, 1-200).</param>
internal sealed record FailoverLimits(
    int CapacityPollSeconds,
    int CapacityMaxChecks,
    int HealthPollSeconds,
    int HealthMaxChecks,
    int SyncPollSeconds,
    int SyncMaxChecks)
{
    /// <summary>The template's values, also the rehearsal's and docs/failover.md's.</summary>
    public static FailoverLimits Defaults { get; } = new(30, 40, 15, 8, 10, 30);

    private static readonly (string Field, string Substitution, int Max, string Unit)[] s_bounds =
    [
        ("capacityPollSeconds", "CapacityPollSeconds", 300, "seconds"),
        ("capacityMaxChecks", "CapacityMaxChecks", 200, "checks"),
        ("healthPollSeconds", "HealthPollSeconds", 300, "seconds"),
        ("healthMaxChecks", "HealthMaxChecks", 100, "checks"),
        ("syncPollSeconds", "SyncPollSeconds", 300, "seconds"),
        ("syncMaxChecks", "SyncMaxChecks", 200, "checks"),
    ];

    /// <summary>The names of the definition substitutions that set the bounds, in record order.</summary>
    public static IEnumerable<string> SubstitutionNames => s_bounds.Select(b => b.Substitution);

    /// <summary>
    /// The bounds the Plan state passed; throws FailoverStepException naming every substitution that is
    /// missing or out of range, since a loop without a sound bound must not start.
    /// </summary>
    public static FailoverLimits Read(JsonElement limits)
    {
        var values = new int[s_bounds.Length];
        var problems = new List<string>();
        for (var i = 0; i < s_bounds.Length; i++)
        {
            var (field, substitution, max, unit) = s_bounds[i];
            if (limits.ValueKind == JsonValueKind.Object && limits.TryGetProperty(field, out var value) &&
                value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out values[i]) && values[i] >= 1 &&
                values[i] <= max)
            {
                continue;
            }

            var seen = limits.ValueKind == JsonValueKind.Object && limits.TryGetProperty(field, out var raw)
                ? raw.GetRawText()
                : "missing";
            problems.Add($"{substitution} is {seen}; expected a whole number of {unit} from 1 to {max}");
        }

        if (problems.Count > 0)
        {
            throw new FailoverStepException("The state machine's wait bounds (its definition substitutions) are " +
                $"invalid, so nothing was changed: {string.Join("; ", problems)}. Fix them in the template's " +
                "DefinitionSubstitutions and deploy again.");
        }

        return new(values[0], values[1], values[2], values[3], values[4], values[5]);
    }
}
