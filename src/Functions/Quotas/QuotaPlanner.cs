namespace DialControl.Functions.Quotas;

/// <summary>Which targets a trigger asks for: every configured one on the schedule, the alarm's on an alarm.</summary>
internal static class QuotaPlanner
{
    /// <summary>
    /// The targets to evaluate; what the trigger named but cannot be evaluated goes to <paramref
    /// name="notEvaluated"/>.
    /// </summary>
    public static IReadOnlyList<QuotaTarget> Plan(
        QuotaTrigger trigger, IReadOnlyList<BedrockModel> models, List<string> notEvaluated)
    {
        if (trigger.Kind == QuotaTrigger.Schedule)
        {
            return [.. models.SelectMany(m => m.Regions.Select(r => new QuotaTarget(m, r)))];
        }

        var targets = new List<QuotaTarget>();
        foreach (var modelId in trigger.ModelIds)
        {
            var configured = models.Where(m => string.Equals(m.ModelId, modelId, StringComparison.Ordinal)).ToList();
            if (configured.Count == 0)
            {
                notEvaluated.Add($"alarm {trigger.AlarmName} is about ModelId {modelId}, which " +
                    $"{QuotaSettings.Models} does not list");
                continue;
            }

            foreach (var model in configured)
            {
                if (model.Regions.Contains(trigger.Region!, StringComparer.Ordinal))
                {
                    targets.Add(new QuotaTarget(model, trigger.Region!));
                }
                else
                {
                    notEvaluated.Add($"alarm {trigger.AlarmName} is in {trigger.Region}, but {modelId} is watched " +
                        $"only in {string.Join(", ", model.Regions)}");
                }
            }
        }

        return targets;
    }
}
