namespace DialControl.Functions.Quotas;

/// <summary>
/// The last announced level of each target, kept outside the function so it survives cold starts.
/// Writes are conditional on the level the writer last read, so of two invocations seeing the same
/// change only one records (and therefore announces) it.
/// </summary>
internal interface IQuotaLevelStore
{
    /// <summary>The recorded level, or null when the target was never recorded.</summary>
    Task<StoredQuotaLevel?> GetAsync(QuotaLevelKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="next"/> if the stored level is still <paramref name="expected"/> (null: no
    /// record). False when another writer got there first; the caller then announces nothing.
    /// </summary>
    Task<bool> TryRecordAsync(
        QuotaLevelKey key, StoredQuotaLevel next, QuotaLevel? expected, CancellationToken cancellationToken);

    /// <summary>
    /// Puts back <paramref name="previous"/> (null: removes the record) if the stored level is still
    /// <paramref name="current"/>: undoes a claim whose announcement failed, so the next run retries it.
    /// </summary>
    Task RestoreAsync(
        QuotaLevelKey key, StoredQuotaLevel? previous, QuotaLevel current, CancellationToken cancellationToken);
}
