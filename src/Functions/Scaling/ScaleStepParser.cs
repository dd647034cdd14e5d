namespace DialControl.Functions.Scaling;

/// <summary>
/// Validates the steps of a scale-out policy: they start at 0, follow each other without gap or
/// overlap, and the last one has no upper bound, so every breach falls in exactly one step.
/// </summary>
internal static class ScaleStepParser
{
    /// <summary>The steps, or the default one-node step when <paramref name="documents"/> is null.</summary>
    public static IReadOnlyList<ScaleStep> Parse(List<ScaleStepDocument>? documents, string at, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (documents is null)
        {
            return ScalePolicy.DefaultSteps;
        }

        if (documents.Count is 0 or > ScalePolicyParser.MaxSteps)
        {
            problems.Add($"{at} has {documents.Count} steps; allowed: 1 to {ScalePolicyParser.MaxSteps} " +
                "(or leave steps out for one node per step)");
            return [];
        }

        var before = problems.Count;
        var steps = new List<ScaleStep>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (ParseOne(documents[i], $"{at}[{i}]", problems) is { } step)
            {
                steps.Add(step);
            }
        }

        if (problems.Count == before)
        {
            CheckContiguous(steps, at, problems);
        }

        return problems.Count == before ? steps : [];
    }

    private static ScaleStep? ParseOne(ScaleStepDocument? document, string at, List<string> problems)
    {
        if (document is null)
        {
            problems.Add($"{at} is null; expected an object with lowerBound, upperBound (except the last) and add");
            return null;
        }

        var before = problems.Count;
        if (document.LowerBound is not { } lower || lower < 0 || !double.IsFinite(lower))
        {
            problems.Add($"{at}.lowerBound is {Show(document.LowerBound)}; allowed: a number of at least 0 " +
                "(the breach beyond the alarm threshold, in the metric's unit)");
        }

        if (document.UpperBound is { } upper && (!double.IsFinite(upper) || upper <= (document.LowerBound ?? 0)))
        {
            problems.Add($"{at}.upperBound is {Show(upper)}; allowed: a number greater than lowerBound " +
                $"({Show(document.LowerBound)}), or absent on the last step");
        }

        if (document.Add is not (>= 1 and <= ScalePolicyParser.MaxAdd))
        {
            problems.Add($"{at}.add is {Show(document.Add)}; allowed: 1 to {ScalePolicyParser.MaxAdd} nodes");
        }

        return problems.Count == before
            ? new ScaleStep(document.LowerBound!.Value, document.UpperBound, document.Add!.Value)
            : null;
    }

    private static void CheckContiguous(List<ScaleStep> steps, string at, List<string> problems)
    {
        if (steps[0].LowerBound != 0)
        {
            problems.Add($"{at}[0].lowerBound is {ScaleStep.Number(steps[0].LowerBound)}; allowed: 0, so that " +
                "every breach falls in a step");
        }

        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i - 1].UpperBound is not { } previousUpper)
            {
                problems.Add($"{at}[{i - 1}].upperBound is missing; allowed: absent only on the last step");
            }
            else if (steps[i].LowerBound != previousUpper)
            {
                problems.Add($"{at}[{i}].lowerBound is {ScaleStep.Number(steps[i].LowerBound)}; allowed: " +
                    $"{ScaleStep.Number(previousUpper)} (the upperBound of step {i - 1}), so steps neither " +
                    "overlap nor leave a gap");
            }
        }

        if (steps[^1].UpperBound is { } lastUpper)
        {
            problems.Add($"{at}[{steps.Count - 1}].upperBound is {ScaleStep.Number(lastUpper)}; allowed: absent " +
                "on the last step, so that every breach falls in a step");
        }
    }

    private static string Show(double? value) => value is { } v ? ScaleStep.Number(v) : "missing";

    private static string Show(int? value) =>
        value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing";
}
