namespace DialControl.Functions.Quotas;

/// <summary>
/// Where a target's level is kept. A dry run keeps its own levels, so turning dry run off announces
/// the real state once instead of inheriting what the dry run saw.
/// </summary>
/// <param name="Region">The model's region.</param>
/// <param name="ModelId">The model id.</param>
/// <param name="DryRun">Whether the level belongs to dry runs.</param>
internal sealed record QuotaLevelKey(string Region, string ModelId, bool DryRun)
{
    /// <summary>The partition key: <c>quota#level#&lt;region&gt;#&lt;modelId&gt;</c>.</summary>
    public string PartitionKey => $"{Hosting.StateTable.QuotaLevelPrefix}{Region}#{ModelId}";

    /// <summary>The sort key: <c>live</c> or <c>dryrun</c>.</summary>
    public string SortKey => DryRun ? "dryrun" : "live";

    /// <summary>The key for <paramref name="target"/>.</summary>
    public static QuotaLevelKey For(QuotaTarget target, bool dryRun) => new(target.Region, target.ModelId, dryRun);
}
