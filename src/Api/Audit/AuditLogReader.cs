using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using TaskForge.Integrity;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// Reads one workspace's events from Marten's event table for auditors: keyset pages on the global sequence (Marten's
/// <c>seq_id</c>, TaskForge's event id), bounded above by a position the caller gets from the high-water mark, so an
/// event that commits late is never skipped (guarantee 3). SQL rather than Marten's LINQ because the workspace is a
/// header, and because the export streams the stored JSON text without deserializing it (ADR 0111).
/// </summary>
/// <remarks>
/// The workspace is a header, which no index of Marten's covers. When the hash chain runs, its links are one chain per
/// workspace with an index on (chain, sequence), so a page walks the workspace's own links up to the chain's head and
/// scans by header only the events after it, which the chain has not reached yet (ADR 0126). Without the chain a page
/// scans the log by header.
/// </remarks>
public sealed class AuditLogReader(NpgsqlDataSource dataSource, AuditOptions options, IntegrityOptions? integrity = null)
{
    /// <summary>How many pages' worth of sequence numbers one export query covers at most.</summary>
    public const int WindowPages = 4;

    private readonly string _events = $"{options.Schema}.mt_events";
    private readonly string? _links = integrity is null ? null : $"{integrity.Schema}.mt_integrity_links";

    private static string Columns(string e) =>
        $"{e}.seq_id, {e}.id, {e}.type, {e}.stream_id, {e}.version, {e}.timestamp, {e}.correlation_id, {e}.causation_id, {e}.headers::text, {e}.data::text, "
        + $"{e}.headers ->> '{EventHeaders.ActorId}', {e}.headers ->> '{EventHeaders.OccurredAt}', {e}.headers ->> '{EventHeaders.ClientIp}', {e}.headers ->> '{EventHeaders.UserAgent}'";

    /// <summary>
    /// At most <paramref name="limit"/> events of the workspace matching <paramref name="filter"/>, after
    /// <paramref name="cursor"/> in <paramref name="order"/> and at or below <paramref name="through"/>.
    /// </summary>
    public Task<IReadOnlyList<AuditEntry>> ReadPageAsync(
        Guid workspaceId, AuditLogFilter filter, long? cursor, AuditOrder order, int limit, long through, CancellationToken cancellationToken) =>
        ReadPageAsync(workspaceId, filter, cursor, order, limit, through, _links is not null, cancellationToken);

    private async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(
        Guid workspaceId, AuditLogFilter filter, long? cursor, AuditOrder order, int limit, long through, bool byChain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = through });
        var conditions = new StringBuilder();
        void Condition(string clause, object value, NpgsqlDbType? type = null)
        {
            var parameter = new NpgsqlParameter { Value = value };
            if (type is { } dbType)
                parameter.NpgsqlDbType = dbType;
            command.Parameters.Add(parameter);
            conditions.Append(" AND ").Append(clause.Replace("$?", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        // The cursor bounds each branch on its own ordering column, so that an index scan starts at the cursor.
        var after = "";
        var afterLink = "";
        if (cursor is { } position)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = position });
            var comparison = order == AuditOrder.NewestFirst ? "<" : ">";
            after = $" AND e.seq_id {comparison} ${command.Parameters.Count}";
            afterLink = $" AND l.seq {comparison} ${command.Parameters.Count}";
        }

        if (filter.ActorId is { } actor)
            Condition($"e.headers ->> '{EventHeaders.ActorId}' = $?", actor.ToString());
        if (filter.EventTypes is { Count: > 0 } types)
            Condition("e.type = ANY($?)", types.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        if (filter.StreamId is { } streamId)
            Condition("e.stream_id = $?", streamId);
        if (filter.From is { } from)
            Condition("e.timestamp >= $?", from.ToUniversalTime());
        if (filter.To is { } to)
            Condition("e.timestamp <= $?", to.ToUniversalTime());
        var direction = order == AuditOrder.NewestFirst ? "DESC" : "ASC";
        var byHeader = $"e.headers ->> '{EventHeaders.WorkspaceId}' = $1 AND e.seq_id <= $2{after}{conditions}";
        command.CommandText = !byChain
            ? $"SELECT {Columns("e")} FROM {_events} e WHERE {byHeader} ORDER BY e.seq_id {direction} LIMIT {limit}"
            : $"""
              SELECT * FROM (
                (SELECT {Columns("e")} FROM {_links} l JOIN {_events} e ON e.seq_id = l.seq
                 WHERE l.chain_key = $1 AND l.seq <= $2{afterLink}{conditions} ORDER BY l.seq {direction} LIMIT {limit})
                UNION ALL
                (SELECT {Columns("e")} FROM {_events} e
                 WHERE e.seq_id > (SELECT coalesce(max(seq), 0) FROM {_links}) AND {byHeader} ORDER BY e.seq_id {direction} LIMIT {limit})
              ) AS page ORDER BY 1 {direction} LIMIT {limit}
              """;

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
    /// plan is chosen. The next page is read while this one is written. The export scans by header even when the chain
    /// runs (ADR 0126): a workspace large enough for its export to matter fills its windows, and a sequential walk needs
    /// no probe per event.
    /// </remarks>
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        Guid workspaceId, long after, long through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = options.ExportPageSize;
        async Task<(IReadOnlyList<AuditEntry> Page, long Upper)> PageAsync(long position)
        {
            var upper = Math.Min(through, position + ((long)size * WindowPages));
            return (await ReadPageAsync(workspaceId, AuditLogFilter.None, position, AuditOrder.OldestFirst, size, upper, byChain: false, cancellationToken), upper);
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
