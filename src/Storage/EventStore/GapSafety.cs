using Marten;

namespace TaskForge.Storage.EventStore;

/// <summary>
/// The async daemon's gap settings that keep "no event is ever skipped" (guarantee 3, ADR 0071). A transaction that took
/// a sequence number and commits late leaves a gap below later, committed events. With transaction evidence on and
/// no cap, Marten holds the high-water mark below the gap for as long as that transaction is alive (measured: 10 s
/// and 40 s holds were waited for), and passes a rolled-back gap about 0.1 s after the rollback. With the evidence off,
/// or with a cap, a late event was silently lost. A guard test fails when any of these change.
/// </summary>
public static class GapSafety
{
    /// <summary>How long a gap must last before the daemon looks for evidence that its transaction is gone.</summary>
    public static readonly TimeSpan StaleSequenceThreshold = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The backstop for a transaction held open by a stuck client: PostgreSQL ends a session idle in a transaction for
    /// this long, its sequence numbers become a rolled-back gap, and the daemon moves on.
    /// </summary>
    public static readonly TimeSpan IdleInTransactionSessionTimeout = TimeSpan.FromSeconds(60);

    public static void Apply(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.UseTransactionEvidenceForGapSkipping = true;
        options.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = null;
        options.Projections.StaleSequenceThreshold = StaleSequenceThreshold;
    }
}
