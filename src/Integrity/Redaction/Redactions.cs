using Npgsql;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>Lists the recorded redactions, for auditors.</summary>
public sealed class Redactions(NpgsqlDataSource dataSource, IntegrityOptions options)
{
    private readonly IntegrityTables _tables = new(options?.Schema ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>Redactions with an id above <paramref name="afterId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Redaction>> ListAsync(long afterId = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Redaction.Columns} FROM {_tables.Redactions} WHERE id > $1 ORDER BY id LIMIT $2");
        command.Parameters.AddWithValue(afterId);
        command.Parameters.AddWithValue(limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The redactions of the event at <paramref name="sequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Redaction>> OfEventAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Redaction.Columns} FROM {_tables.Redactions} WHERE seq = $1 ORDER BY id");
        command.Parameters.AddWithValue(sequence);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Redaction>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<Redaction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(Redaction.Read(reader));
        return result;
    }
}
