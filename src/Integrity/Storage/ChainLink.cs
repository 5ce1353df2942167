namespace TaskForge.Integrity.Storage;

/// <summary>One row of the chain: the event it covers, its chain, its predecessor there, its digests and both links.</summary>
internal sealed record ChainLink(
    long Sequence,
    Guid EventId,
    string StreamId,
    long Version,
    string ChainKey,
    long PreviousSequence,
    byte[] DataDigest,
    byte[] ContentDigest,
    byte[] ChainHash,
    byte[] GlobalHash)
{
    public const string Columns = "seq, event_id, stream_id, version, chain_key, prev_seq, data_digest, content_digest, chain_hash, global_hash";

    public static ChainLink Read(Npgsql.NpgsqlDataReader reader, int at) => new(
        reader.GetInt64(at),
        reader.GetGuid(at + 1),
        reader.GetString(at + 2),
        reader.GetInt64(at + 3),
        reader.GetString(at + 4),
        reader.GetInt64(at + 5),
        (byte[])reader[at + 6],
        (byte[])reader[at + 7],
        (byte[])reader[at + 8],
        (byte[])reader[at + 9]);
}
