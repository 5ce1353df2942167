using Npgsql;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>
/// Replaces an event's data (a user asked to be forgotten) and, in the same transaction, records a signed redaction:
/// the content digest before and after, the reason and the time. The checker then verifies the event against the
/// redacted digest, so the chain stays intact; an edit without a signed redaction is still reported.
/// </summary>
public sealed class EventRedactor
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IntegrityTables _tables;
    private readonly EventRows _events;
    private readonly Signer _signer;

    public EventRedactor(NpgsqlDataSource dataSource, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _tables = new IntegrityTables(options.Schema);
        _events = new EventRows(dataSource, _tables, options);
        _signer = new Signer(options.SigningKey);
    }

    /// <summary>
    /// Sets the data of the event at <paramref name="sequence"/> to <paramref name="redactedDataJson"/> (a whole JSON
    /// document, e.g. the original with the personal fields replaced by a tombstone) and records the signed redaction.
    /// </summary>
    /// <returns>The redaction recorded, or null when the data was already exactly that (nothing changed).</returns>
    /// <exception cref="InvalidOperationException">No event has that sequence.</exception>
    public async Task<Redaction?> RedactAsync(long sequence, string redactedDataJson, string reason, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redactedDataJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var select = await _events.SelectAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var before = await ReadAsync(connection, select + " WHERE e.seq_id = $1 FOR UPDATE", sequence, cancellationToken)
                     ?? throw new InvalidOperationException($"There is no event at sequence {sequence} to redact.");
        await using (var update = new NpgsqlCommand($"UPDATE {_tables.Events} SET data = $2::jsonb WHERE seq_id = $1", connection))
        {
            update.Parameters.AddWithValue(sequence);
            update.Parameters.AddWithValue(redactedDataJson);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        // The digest is of the text PostgreSQL keeps, read back, not of the caller's spelling of the JSON.
        var after = (await ReadAsync(connection, select + " WHERE e.seq_id = $1", sequence, cancellationToken))!;
        var original = EventDigest.Content(before, EventDigest.Data(before.Data));
        var redacted = EventDigest.Content(after, EventDigest.Data(after.Data));
        if (original.AsSpan().SequenceEqual(redacted))
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var when = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        var signature = _signer.Redaction(sequence, original, redacted, reason, when);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {_tables.Redactions} (seq, original_digest, redacted_digest, reason, redacted_at, signature) "
            + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", connection);
        insert.Parameters.AddWithValue(sequence);
        insert.Parameters.AddWithValue(original);
        insert.Parameters.AddWithValue(redacted);
        insert.Parameters.AddWithValue(reason);
        insert.Parameters.AddWithValue(when);
        insert.Parameters.AddWithValue(signature);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new Redaction(id, sequence, original, redacted, reason, when, signature);
    }

    private async Task<StoredEvent?> ReadAsync(NpgsqlConnection connection, string sql, long sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(sequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? _events.Read(reader, 0) : null;
    }
}
