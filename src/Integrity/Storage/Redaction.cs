using Npgsql;

namespace TaskForge.Integrity;

/// <summary>A signed record that an event's data was replaced: the content digest before and after, why, and when.</summary>
public sealed record Redaction(long Id, long Sequence, byte[] OriginalDigest, byte[] RedactedDigest, string Reason, DateTimeOffset RedactedAt, byte[] Signature)
{
    internal const string Columns = "id, seq, original_digest, redacted_digest, reason, redacted_at, signature";

    internal static Redaction Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), (byte[])reader[2], (byte[])reader[3], reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5), (byte[])reader[6]);
}
