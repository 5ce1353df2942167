namespace TaskForge.Storage.EventStore;

/// <summary>Where and how TaskForge's Marten store keeps the log.</summary>
public sealed record EventStoreSettings
{
    /// <summary>The PostgreSQL schema of the event tables, Marten's documents and the read models.</summary>
    public string Schema { get; init; } = "taskforge";

    /// <summary>How often the daemon looks for new events while events are arriving.</summary>
    public TimeSpan FastPollingTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the daemon looks while idle (a wake-up notice cuts the wait short).</summary>
    public TimeSpan SlowPollingTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether appends wake the daemon of every node at once (a coalesced NOTIFY after commit, ADR 0073).</summary>
    public bool WakeOnAppend { get; init; } = true;

    /// <summary>
    /// The least time between two wake-up notices: each notice starts a batch in every projection, so a shorter one
    /// lowers latency and raises the number of projection transactions.
    /// </summary>
    public TimeSpan WakeInterval { get; init; } = TimeSpan.FromMilliseconds(20);
}
