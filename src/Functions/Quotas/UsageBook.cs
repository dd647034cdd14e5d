namespace DialControl.Functions.Quotas;

/// <summary>The usage read in one run, by region and <c>ModelId</c>.</summary>
internal sealed class UsageBook
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, ModelUsage>> _byRegion =
        new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

    /// <summary>Adds one region's usage.</summary>
    public void Add(string region, IReadOnlyDictionary<string, ModelUsage> usage) => _byRegion[region] = usage;

    /// <summary>Records that a region's metrics could not be read, so no model there looks idle.</summary>
    public void Fail(string region, string reason) => _failures[region] = reason;

    /// <summary>
    /// The usage of <paramref name="modelId"/> in <paramref name="region"/>; no traffic when it was not
    /// read.
    /// </summary>
    public ModelUsage Get(string region, string modelId)
    {
        if (_failures.TryGetValue(region, out var reason))
        {
            return ModelUsage.None(modelId, region) with { Problem = reason };
        }

        return _byRegion.TryGetValue(region, out var usage) && usage.TryGetValue(modelId, out var found)
            ? found
            : ModelUsage.None(modelId, region);
    }
}
