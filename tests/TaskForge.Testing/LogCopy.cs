using Marten;
using Npgsql;
using TaskForge.Storage.EventStore;

namespace TaskForge.Testing;

/// <summary>
/// The event log of one schema copied, row for row with the same sequence numbers, into a fresh schema: a rebuild from
/// scratch then runs there on the same events, with no state shared with the projections under test (their tables,
/// progression rows and leadership locks are all per schema).
/// </summary>
public static class LogCopy
{
    public static async Task CopyAsync(NpgsqlDataSource dataSource, string connectionString, string from, string to)
    {
        using (var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.UseTaskForgeEventStore(new EventStoreSettings { Schema = to });
        }))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        foreach (var table in new[] { "mt_streams", "mt_events" })
        {
            string columns;
            await using (var names = dataSource.CreateCommand(
                $"SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '{from}' AND table_name = '{table}'"))
                columns = (string)(await names.ExecuteScalarAsync())!;
            await using var copy = dataSource.CreateCommand($"INSERT INTO {to}.{table} ({columns}) SELECT {columns} FROM {from}.{table}");
            await copy.ExecuteNonQueryAsync();
        }

        await using var sequence = dataSource.CreateCommand(
            $"SELECT setval('{to}.mt_events_sequence', greatest((SELECT max(seq_id) FROM {to}.mt_events), 1))");
        await sequence.ExecuteNonQueryAsync();
    }
}
