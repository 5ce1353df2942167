using Marten;
using Npgsql;

namespace TaskForge.Projections.Tests.Support;

/// <summary>What the log holds.</summary>
public static class TestLog
{
    public static async Task AppendAsync(IDocumentStore store, string streamId, int count, string body = "ordinary")
    {
        await using var session = store.LightweightSession();
        session.Events.Append(streamId, [.. Enumerable.Range(0, count).Select(_ => (object)new TestHappened(body))]);
        await session.SaveChangesAsync();
    }

    public static async Task<long> HeadAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<long>> PositionsAsync(NpgsqlDataSource dataSource, string schema) =>
        await ColumnAsync<long>(dataSource, $"SELECT seq_id FROM {schema}.mt_events ORDER BY seq_id");

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

/// <summary>A plain event of no workspace, outside the domain's families (projections skip it).</summary>
public sealed record TestHappened(string Body);
