using TaskForge.Storage.EventStore;

namespace TaskForge.Api.Hosting;

/// <summary>Storage settings of one API node (configuration section <c>TaskForge</c>).</summary>
public sealed record TaskForgeStorageOptions
{
    /// <summary>The schema of the events, Marten's and Wolverine's tables, and the read models.</summary>
    public string Schema { get; init; } = "taskforge";

    /// <summary>False on nodes that only serve (another node runs the projections). Marten's HotCold leadership picks one.</summary>
    public bool RunProjections { get; init; } = true;

    /// <summary>The daemon's polling and wake-up settings.</summary>
    public EventStoreSettings EventStore { get; init; } = new();

    /// <summary>Solo for a single node (tests, the embedded default); Balanced spreads Wolverine's durability agents over nodes.</summary>
    public bool SoloNode { get; init; }
}
