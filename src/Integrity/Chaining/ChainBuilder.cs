using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity.Chaining;

/// <summary>
/// Extends the chains over events given in sequence order: pure computation over the heads it is given, so the
/// subscription, the checker and tests share one definition of a link.
/// </summary>
internal sealed class ChainBuilder
{
    private readonly Dictionary<string, (long Sequence, byte[] Hash)> _heads = new(StringComparer.Ordinal);

    public ChainBuilder(long globalSequence, byte[] globalHash)
    {
        GlobalSequence = globalSequence;
        GlobalHash = globalHash;
    }

    public long GlobalSequence { get; private set; }

    public byte[] GlobalHash { get; private set; }

    public IReadOnlyDictionary<string, (long Sequence, byte[] Hash)> Heads => _heads;

    public bool Knows(string chainKey) => _heads.ContainsKey(chainKey);

    public void SetHead(string chainKey, long sequence, byte[] hash) => _heads[chainKey] = (sequence, hash);

    public ChainLink Append(StoredEvent e)
    {
        var dataDigest = EventDigest.Data(e.Data);
        var content = EventDigest.Content(e, dataDigest);
        var (previous, previousHash) = _heads.TryGetValue(e.ChainKey, out var head) ? head : (0L, EventDigest.Genesis.ToArray());
        var chainHash = EventDigest.Link(previousHash, e.Sequence, content);
        var globalHash = EventDigest.Link(GlobalHash, e.Sequence, content);
        _heads[e.ChainKey] = (e.Sequence, chainHash);
        GlobalSequence = e.Sequence;
        GlobalHash = globalHash;
        return new ChainLink(e.Sequence, e.Id, e.StreamId, e.Version, e.ChainKey, previous, dataDigest, content, chainHash, globalHash);
    }
}
