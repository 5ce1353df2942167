using Npgsql;

namespace TaskForge.Projections.Versions;

/// <summary>Reads Marten's progression table: how far each projection and the high-water mark are.</summary>
public sealed class ProjectionProgress(ReadModelDatabase database)
{
    /// <summary>Every progression row: the high-water mark under "HighWaterMark", each projection under "{name}:All".</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = database.DataSource.CreateCommand($"SELECT name, last_seq_id FROM {database.Schema}.mt_event_progression");
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                result[reader.GetString(0)] = reader.GetInt64(1);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Marten has not created its tables yet: nothing has progressed.
        }

        return result;
    }

    public static long Of(IReadOnlyDictionary<string, long> progress, string martenName)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.TryGetValue(martenName + ":All", out var sequence) ? sequence : 0;
    }

    public static long HighWaterMark(IReadOnlyDictionary<string, long> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.TryGetValue("HighWaterMark", out var mark) ? mark : 0;
    }
}
