namespace TaskForge.Integrity;

/// <summary>How the hash chain over a Marten event log is built and checked.</summary>
public sealed record IntegrityOptions
{
    /// <summary>The PostgreSQL schema of Marten's event tables; the chain's own tables are created beside them.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>The event header whose value names the chain an event belongs to (a workspace, a tenant); null: one chain.</summary>
    public string? ChainKeyHeader { get; init; }

    /// <summary>The chain of events without <see cref="ChainKeyHeader"/>.</summary>
    public string NoChainKey { get; init; } = ChainKeys.None;

    /// <summary>
    /// The HMAC-SHA256 key that signs checkpoints and redactions (at least 32 bytes). Without it nothing can be signed or
    /// verified: the chainer and the checker refuse to start.
    /// </summary>
    public byte[] SigningKey { get; init; } = [];

    /// <summary>The daemon subscription's name, under which Marten keeps its progress.</summary>
    public string SubscriptionName { get; init; } = "integrity-chain";

    /// <summary>Events per page the daemon hands the chainer (one transaction and one signed checkpoint per page).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Rows fetched per round trip by the checker.</summary>
    public int CheckBatchSize { get; init; } = 5000;

    public const int MinimumKeyBytes = 32;

    internal void Validate()
    {
        if (SigningKey.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"The integrity signing key has {SigningKey.Length} bytes; at least {MinimumKeyBytes} are needed to sign checkpoints.");
        if (string.IsNullOrWhiteSpace(Schema))
            throw new InvalidOperationException("The integrity options need the schema of the event tables.");
    }
}

/// <summary>Reserved chain keys.</summary>
public static class ChainKeys
{
    /// <summary>The chain through every event in global sequence order.</summary>
    public const string Global = "$all";

    /// <summary>The default chain of events without the chain-key header.</summary>
    public const string None = "$none";
}
