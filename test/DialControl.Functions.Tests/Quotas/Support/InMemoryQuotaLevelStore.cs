using DialControl.Functions.Quotas;

namespace DialControl.Functions.Tests.Quotas.Support;

/// <summary>
/// The level store for unit tests: a dictionary with DynamoDB's conditional-write semantics (a write
/// succeeds only if the stored level is the one expected). It outlives function instances, so a new
/// instance over the same store is a cold start. The DynamoDB implementation runs against moto.
/// </summary>
internal sealed class InMemoryQuotaLevelStore : IQuotaLevelStore
{
    public Dictionary<QuotaLevelKey, StoredQuotaLevel> Items { get; } = [];

    /// <summary>Conditional writes attempted (successful or not).</summary>
    public int Writes { get; private set; }

    /// <summary>When set, called before each conditional write (to simulate a racing invocation).</summary>
    public Action<QuotaLevelKey>? BeforeWrite { get; set; }

    public Task<StoredQuotaLevel?> GetAsync(QuotaLevelKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Items.GetValueOrDefault(key));

    public Task<bool> TryRecordAsync(
        QuotaLevelKey key, StoredQuotaLevel next, QuotaLevel? expected, CancellationToken cancellationToken)
    {
        Writes++;
        BeforeWrite?.Invoke(key);
        var current = Items.TryGetValue(key, out var stored) ? stored.Level : (QuotaLevel?)null;
        if (current != expected)
        {
            return Task.FromResult(false);
        }

        Items[key] = next;
        return Task.FromResult(true);
    }

    public Task RestoreAsync(
        QuotaLevelKey key, StoredQuotaLevel? previous, QuotaLevel current, CancellationToken cancellationToken)
    {
        if (Items.TryGetValue(key, out var stored) && stored.Level == current)
        {
            if (previous is null)
            {
                Items.Remove(key);
            }
            else
            {
                Items[key] = previous;
            }
        }

        return Task.CompletedTask;
    }
}
