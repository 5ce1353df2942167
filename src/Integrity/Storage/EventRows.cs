using System.Runtime.CompilerServices;
using Npgsql;

namespace TaskForge.Integrity.Storage;

/// <summary>
/// Reads mt_events as stored: jsonb as PostgreSQL's own text of it (stable however the writer serialized), metadata
/// columns that the store has (Marten's are optional; an absent one reads as null), the chain key from a header.
/// </summary>
internal sealed class EventRows(NpgsqlDataSource dataSource, IntegrityTables tables, IntegrityOptions options)
{
    private string? _select;

    /// <summary>SELECT of <see cref="ColumnsAsync"/> from mt_events aliased <c>e</c>.</summary>
    public async Task<string> SelectAsync(CancellationToken cancellationToken) =>
        $"SELECT {await ColumnsAsync(cancellationToken)} FROM {tables.Events} e";

    /// <summary>The columns <see cref="Read"/> reads, over mt_events aliased <c>e</c>.</summary>
    public async Task<string> ColumnsAsync(CancellationToken cancellationToken)
    {
        if (_select is not null)
            return _select;

        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'mt_events'"))
        {
            command.Parameters.AddWithValue(tables.Schema);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                present.Add(reader.GetString(0));
        }

        string Column(string name, string expression) => present.Contains(name) ? expression : "NULL::text";
        var chainKey = options.ChainKeyHeader is null || !present.Contains("headers")
            ? "NULL::text"
            : $"e.headers ->> '{options.ChainKeyHeader.Replace("'", "''", StringComparison.Ordinal)}'";
        _select = "e.seq_id, e.id, e.stream_id::text, e.version, e.type, e.timestamp, "
                  + $"{Column("tenant_id", "e.tenant_id::text")}, {Column("correlation_id", "e.correlation_id::text")}, "
                  + $"{Column("causation_id", "e.causation_id::text")}, {Column("headers", "e.headers::text")}, e.data::text, {chainKey}";
        return _select;
    }

    /// <summary>The events in (<paramref name="after"/>, <paramref name="through"/>], in sequence order, read in batches.</summary>
    public async IAsyncEnumerable<StoredEvent> RangeAsync(long after, long through, int batchSize, string? where,
        Action<NpgsqlCommand>? bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var select = await SelectAsync(cancellationToken);
        var last = after;
        while (last < through)
        {
            var count = 0;
            await using var command = dataSource.CreateCommand(
                $"{select} WHERE e.seq_id > $1 AND e.seq_id <= $2{(where is null ? "" : " AND " + where)} ORDER BY e.seq_id LIMIT {batchSize}");
            command.Parameters.AddWithValue(last);
            command.Parameters.AddWithValue(through);
            bind?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = Read(reader, 0);
                last = row.Sequence;
                count++;
                yield return row;
            }

            if (count < batchSize)
                yield break;
        }
    }

    /// <summary>Reads a row of <see cref="SelectAsync"/>'s columns starting at <paramref name="at"/>.</summary>
    public StoredEvent Read(NpgsqlDataReader reader, int at) => new(
        reader.GetInt64(at),
        reader.GetGuid(at + 1),
        reader.GetString(at + 2),
        reader.GetInt64(at + 3),
        reader.GetString(at + 4),
        reader.GetDateTime(at + 5),
        Text(reader, at + 6),
        Text(reader, at + 7),
        Text(reader, at + 8),
        Text(reader, at + 9),
        reader.GetString(at + 10),
        ChainKey(Text(reader, at + 11)));

    public const int ColumnCount = 12;

    public string ChainKey(string? header) => string.IsNullOrEmpty(header) ? options.NoChainKey : header;

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
