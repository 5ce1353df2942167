using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// Reads one workspace's events from Marten's event table for auditors: keyset pages on the global sequence (Marten's
/// <c>seq_id</c>, TaskForge's event id), bounded above by a position the caller gets from the high-water mark, so an
/// event that commits late is never skipped (guarantee 3). SQL rather than Marten's LINQ because the workspace is a
/// header, and because the export streams the stored JSON text without deserializing it (ADR 0111).
/// </summary>
public sealed class AuditLogReader(NpgsqlDataSource dataSource, AuditOptions options)
{
    /// <summary>How many pages' worth of sequence numbers one export query covers at most.</summary>
    public const int WindowPages = 4;

    private static readonly string Columns = "seq_id, id, type, stream_id, version, timestamp, correlation_id, causation_id, headers::text, data::text, "
        + $"headers ->> '{EventHeaders.ActorId}', headers ->> '{EventHeaders.OccurredAt}', headers ->> '{EventHeaders.ClientIp}', headers ->> '{EventHeaders.UserAgent}'";

    /// <summary>
    /// At most <paramref name="limit"/> events of the workspace matching <paramref name="filter"/>, after
    /// <paramref name="cursor"/> in <paramref name="order"/> and at or below <paramref name="through"/>.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(
        Guid workspaceId, AuditLogFilter filter, long? cursor, AuditOrder order, int limit, long through, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder($"SELECT {Columns} FROM {options.Schema}.mt_events WHERE headers ->> '{EventHeaders.WorkspaceId}' = $1 AND seq_id <= $2");
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = through });
        void Condition(string clause, object value, NpgsqlDbType? type = null)
        {
            var parameter = new NpgsqlParameter { Value = value };
            if (type is { } dbType)
                parameter.NpgsqlDbType = dbType;
            command.Parameters.Add(parameter);
            sql.Append(" AND ").Append(clause.Replace("$?", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (cursor is { } position)
            Condition(order == AuditOrder.NewestFirst ? "seq_id < $?" : "seq_id > $?", position);
        if (filter.ActorId is { } actor)
            Condition($"headers ->> '{EventHeaders.ActorId}' = $?", actor.ToString());
        if (filter.EventTypes is { Count: > 0 } types)
            Condition("type = ANY($?)", types.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (filter.StreamId is { } streamId)
            Condition("stream_id = $?", streamId);
        if (filter.From is { } from)
            Condition("timestamp >= $?", from.ToUniversalTime());
        if (filter.To is { } to)
            Condition("timestamp <= $?", to.ToUniversalTime());
        sql.Append(order == AuditOrder.NewestFirst ? " ORDER BY seq_id DESC" : " ORDER BY seq_id").Append(" LIMIT ").Append(limit);
        command.CommandText = sql.ToString();

        var entries = new List<AuditEntry>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(Read(reader));
        return entries;
    }

    /// <summary>
    /// Every event of the workspace in (<paramref name="after"/>, <paramref name="through"/>], oldest first, read in keyset
    /// pages of <see cref="AuditOptions.ExportPageSize"/>: memory stays two pages whatever the size of the log.
    /// </summary>
    /// <remarks>
    /// Each query also stops at a window of <see cref="WindowPages"/> pages' worth of sequence numbers. PostgreSQL has no
    /// statistics on the workspace header, so with the values known (its first custom plans) it may guess that few rows
    /// match and read the whole rest of the log and sort it for every page: measured, the first export of a process ran
    /// 5 times slower until the prepared statement's generic plan took over. A window bounds every page's work whatever
    /// plan is chosen. The next page is read while this one is written.
    /// </remarks>
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        Guid workspaceId, long after, long through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = options.ExportPageSize;
        async Task<(IReadOnlyList<AuditEntry> Page, long Upper)> PageAsync(long position)
        {
            var upper = Math.Min(through, position + ((long)size * WindowPages));
            return (await ReadPageAsync(workspaceId, AuditLogFilter.None, position, AuditOrder.OldestFirst, size, upper, cancellationToken), upper);
        }

        var next = after < through ? PageAsync(after) : null;
        while (next is not null)
        {
            var (page, upper) = await next;
            var position = page.Count == size ? page[^1].EventId : upper;
            next = position < through ? PageAsync(position) : null;
            foreach (var entry in page)
                yield return entry;
        }
    }

    private static AuditEntry Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt64(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        Text(reader, 6),
        Text(reader, 7),
        reader.IsDBNull(8) ? "{}" : reader.GetString(8),
        reader.GetString(9),
        Text(reader, 10),
        Text(reader, 11),
        Text(reader, 12),
        Text(reader, 13));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
