namespace TaskForge.EventStore;

/// <summary>Settings of one event store.</summary>
public sealed record EventStoreOptions
{
    /// <summary>The PostgreSQL schema holding the store's tables.</summary>
    public string Schema { get; init; } = "taskforge";

    /// <summary>How often subscribers look at the log when no notification arrived (covers a missed NOTIFY).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether appends send a (coalesced) NOTIFY so subscribers in other processes wake at once. Off, they
    /// notice new events within <see cref="PollInterval"/>; in-process subscribers are woken either way.
    /// </summary>
    public bool NotifyOtherProcesses { get; init; } = true;

    /// <summary>Events read per round trip by ReadAll and subscriptions.</summary>
    public int ReadBatchSize { get; init; } = 500;

    /// <summary>The most events one append may carry.</summary>
    public int MaxEventsPerAppend { get; init; } = 10_000;

    /// <summary>The largest JSON body one event may carry, in characters.</summary>
    public int MaxEventDataLength { get; init; } = 1 << 20;
}
