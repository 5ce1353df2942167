using Npgsql;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Appends plain test events and reads what the log holds.</summary>
public static class TestLog
{
    public static EventData Event(string body = "ordinary") =>
        new(Guid.NewGuid(), "TestHappened", $$"""{"body":"{{body}}"}""", new EventMetadata(null, null, null, null, DateTimeOffset.UtcNow));

    public static async Task AppendAsync(PostgresEventStore store, string streamId, int count, string body = "ordinary") =>
        await store.AppendAsync(streamId, ExpectedVersion.Any, [.. Enumerable.Range(0, count).Select(_ => Event(body))]);

    public static async Task<long> HeadAsync(PostgresEventStore store)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT coalesce(max(id), 0) FROM {store.Schema}.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<long>> PositionsAsync(PostgresEventStore store) =>
        await ColumnAsync<long>(store.DataSource, $"SELECT id FROM {store.Schema}.events ORDER BY id");

    public static async Task<List<T>> ColumnAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
