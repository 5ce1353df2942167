using System.Diagnostics;
using Npgsql;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Projections.Feeds;

namespace TaskForge.Bench.Projections;

/// <summary>
/// Projection throughput into the feed: a backlog of project events, each fanned out to the workspace's members,
/// applied by Marten's daemon from its progression; beside a raw baseline writing the same rows into a table of the
/// same shape with multi-row INSERTs of the same transaction size.
/// </summary>
internal static class FeedThroughput
{
    public sealed record Result(int Events, long Rows, TimeSpan Projection, TimeSpan Baseline)
    {
        public double RowsPerSecond => Rows / Projection.TotalSeconds;

        public double BaselineRowsPerSecond => Rows / Baseline.TotalSeconds;
    }

    public static async Task<Result> RunAsync(NpgsqlDataSource dataSource, int workspaces, int members, int events, int batchSize)
    {
        using var bench = await BenchStore.CreateAsync(dataSource, "bench_feed", [new FeedProjection()], wakeUp: false);
        var store = bench.Store;
        var spaces = new List<BenchWorkspace>();
        for (var w = 0; w < workspaces; w++)
        {
            spaces.Add(await BenchWorkspace.CreateAsync(store, members));
        }

        await CatchUpAsync(bench, dataSource);
        var before = await CountAsync(dataSource, "SELECT count(*) FROM bench_feed.feed_entries");
        const int PerAppend = 100;
        for (var i = 0; i < events; i += PerAppend)
        {
            var space = spaces[i / PerAppend % spaces.Count];
            var batch = Enumerable.Range(i, Math.Min(PerAppend, events - i))
                .Select(n => (object)new ProjectEvent.ProjectDescriptionChanged(space.ProjectId, space.Id, $"Description {n}")).ToArray();
            await BenchEvents.AppendAsync(store, StreamIds.Project(space.ProjectId), space.Owner, batch);
        }

        var projection = await CatchUpAsync(bench, dataSource);
        var rows = await CountAsync(dataSource, "SELECT count(*) FROM bench_feed.feed_entries") - before;
        var baseline = await BaselineAsync(dataSource, spaces, events, batchSize);
        return new Result(events, rows, projection, baseline);
    }

    /// <summary>Starts a daemon with only the feed and times it from start to the head of the log.</summary>
    private static async Task<TimeSpan> CatchUpAsync(BenchStore bench, NpgsqlDataSource dataSource)
    {
        var head = await CountAsync(dataSource, "SELECT coalesce(max(seq_id), 0) FROM bench_feed.mt_events");
        var clock = Stopwatch.StartNew();
        using var daemon = await bench.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        while (await bench.ProgressionAsync("feed") < head)
        {
            await Task.Delay(5);
        }

        var elapsed = clock.Elapsed;
        await daemon.StopAllAsync();
        return elapsed;
    }

    /// <summary>The same rows written directly: one multi-row INSERT per transaction of <paramref name="batchSize"/> events.</summary>
    private static async Task<TimeSpan> BaselineAsync(NpgsqlDataSource dataSource, List<BenchWorkspace> spaces, int events, int batchSize)
    {
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE bench_feed.baseline_entries (LIKE bench_feed.feed_entries_v1 INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var first = 0; first < events; first += batchSize)
        {
            var users = new List<Guid>();
            var positions = new List<long>();
            var workspaceIds = new List<Guid>();
            for (var n = first; n < Math.Min(first + batchSize, events); n++)
            {
                var space = spaces[n / 100 % spaces.Count];
                users.AddRange(space.Members);
                positions.AddRange(Enumerable.Repeat((long)n, space.Members.Count));
                workspaceIds.AddRange(Enumerable.Repeat(space.Id, space.Members.Count));
            }

            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO bench_feed.baseline_entries
                    (user_id, position, workspace_id, actor_id, verb, target_type, target_id, target_title, subject_id, summary, occurred_at)
                SELECT u, p, w, w, 'edited_description', 'project', w, 'Bench project', NULL, 'changed the project''s description', now()
                FROM unnest($1::uuid[], $2::bigint[], $3::uuid[]) AS r(u, p, w)
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = users.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = positions.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = workspaceIds.ToArray() });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
