namespace TaskForge.Realtime;

/// <summary>Limits and timings of the fan-out (section <c>Realtime</c> of the configuration).</summary>
public sealed class RealtimeOptions
{
    /// <summary>How long the tailer waits for a wake-up notice before it looks at the log anyway.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often it looks right after a notice (or while events keep coming): the high-water mark moves a little after the
    /// commit that sent the notice, when the daemon has seen it.
    /// </summary>
    public TimeSpan FastPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long fast polling lasts after the last notice or the last event read.</summary>
    public TimeSpan FastPollWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read from the log per query, by the tailer and by a replay.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// A subscriber further behind than this many log positions is told to resync instead of being sent a replay (the
    /// replay would read that much of the log whatever it may see of it).
    /// </summary>
    public long MaxReplayEvents { get; set; } = 10_000;

    /// <summary>Events held for one subscription that its client has not taken yet; past it the client is told to resync.</summary>
    public int SubscriptionBufferCapacity { get; set; } = 2_000;

    /// <summary>Subscriptions one connection may hold at once (so a connection's buffers are bounded too).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 8;

    /// <summary>Scopes one subscription may name.</summary>
    public int MaxScopesPerSubscription { get; set; } = 32;

    /// <summary>Presence scopes (boards, tasks) one connection may be present in at once.</summary>
    public int MaxPresenceScopesPerConnection { get; set; } = 16;

    /// <summary>
    /// How long "typing" lasts without being said again: a client repeats <c>Typing(true)</c> while its user types, and the
    /// others are told the user stopped when it has not for this long (a closed laptop, a lost tab, a client that never
    /// says false).
    /// </summary>
    public TimeSpan TypingTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a node's presence entries live in Redis without a heartbeat (a crashed node's users go after this).</summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a node refreshes its presence entries and drops expired ones.</summary>
    public TimeSpan PresenceHeartbeat { get; set; } = TimeSpan.FromSeconds(5);
}
