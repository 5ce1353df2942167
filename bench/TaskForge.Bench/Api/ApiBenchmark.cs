using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;
using TaskForge.Bench.Common;
using TaskForge.Bench.EventStore;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.Api;

/// <summary>
/// The API over HTTP, with the load generator on the same machine: the feed's first page and a 200-task board with
/// 1,000,000 events and 1,000 users in the store, and createTask mutations beside bare Marten appends in the same run.
/// Options: --users N (1000), --projects P per workspace (25), --tasks T per project (200; 10 events each), --clients C
/// for writes (32), --readers R for reads (4), --seconds S per measurement (20).
/// </summary>
public static class ApiBenchmark
{
    private const int MembersPerWorkspace = 50;
    private const int Rounds = 4;

    private const string FeedQuery = "{ feed(first: 20) { nodes { eventId verb summary targetTitle occurredAt actor { name } } pageInfo { hasNextPage endCursor } } }";

    private const string BoardQuery = """
        query($id: ID!) { project(id: $id) { name version board { columns { name tasks(first: 500) { totalCount nodes {
          id title priority labels dueDate commentCount version assignees { id name } } } } } } }
        """;

    private const string CreateTask = "mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { task { id version } eventId errors { code message } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var users = BenchArgs.Int(args, "--users", 1000);
        var projects = BenchArgs.Int(args, "--projects", 25);
        var tasks = BenchArgs.Int(args, "--tasks", 200);
        var clients = BenchArgs.Int(args, "--clients", 32);
        var readers = BenchArgs.Int(args, "--readers", 4);
        var duration = TimeSpan.FromSeconds(BenchArgs.Int(args, "--seconds", 20));
        await using var database = await BenchDatabase.StartAsync();
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, 5190);
        using var client = new ApiClient(api.Address);
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);

        var seeding = Stopwatch.StartNew();
        var tenants = await BenchTenants.CreateAsync(client, users, MembersPerWorkspace, projects);
        var overHttp = seeding.Elapsed;
        using (var store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseTaskForgeEventStore(new EventStoreSettings());
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        }))
        {
            await BulkTaskEvents.AppendAsync(store, tenants, tasks);
        }

        var appended = seeding.Elapsed;
        var events = await ScalarAsync(dataSource, "SELECT count(*) FROM taskforge.mt_events");
        var last = await ScalarAsync(dataSource, "SELECT max(seq_id) FROM taskforge.mt_events");
        Console.WriteLine($"{events:N0} events in the store; waiting for the read models");
        await ReadModelsCaughtUp.WaitAsync(dataSource, last, TimeSpan.FromSeconds(1));
        var caughtUp = seeding.Elapsed;
        Console.WriteLine($"seeded over HTTP in {overHttp.TotalSeconds:N0} s, appended in {(appended - overHttp).TotalSeconds:N0} s, read models caught up in {(caughtUp - appended).TotalSeconds:N0} s");
        var feedRows = await ScalarAsync(dataSource, "SELECT count(*) FROM taskforge.feed_entries");
        // After millions of inserts autovacuum would otherwise run during the measurement (seen: load 9 on 2 cores); vacuum
        // and analyze first, as a production database that has been up a while would be.
        Console.WriteLine("vacuum analyze");
        await using (var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE)"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }

        var everyone = tenants.SelectMany(t => t.Members).ToArray();
        var boards = tenants.SelectMany(t => t.Projects.Select(p => (Tenant: t, Project: p))).ToArray();
        async Task<int> FeedAsync(int c, long i)
        {
            await client.PostAsync(everyone[Random.Shared.Next(everyone.Length)].Token, FeedQuery);
            return 1;
        }

        async Task<int> BoardAsync(int c, long i)
        {
            var (tenant, project) = boards[Random.Shared.Next(boards.Length)];
            var data = await client.PostAsync(tenant.Members[Random.Shared.Next(tenant.Members.Count)].Token, BoardQuery, new { id = project });
            return data.GetProperty("project").GetProperty("board").GetProperty("columns").EnumerateArray().Sum(col => col.GetProperty("tasks").GetProperty("totalCount").GetInt32());
        }

        async Task<int> FloorAsync(int c, long i)
        {
            await client.PostAsync(everyone[Random.Shared.Next(everyone.Length)].Token, "{ __typename }");
            return 1;
        }

        Console.WriteLine("warming up reads");
        await LoadRunner.RunAsync(readers, TimeSpan.FromSeconds(3), FeedAsync);
        await LoadRunner.RunAsync(readers, TimeSpan.FromSeconds(3), BoardAsync);
        Console.WriteLine("reads: feed first page, board; interleaved rounds");
        var reads = await Interleaved.RunAsync(readers, Rounds, duration / Rounds, FeedAsync, BoardAsync, FloorAsync);

        var bare = new EventStoreSettings { Schema = "bench" };
        using var bareStore = DocumentStore.For(o => { o.Connection(dataSource); o.UseTaskForgeEventStore(bare); });
        await bareStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var appends = new BareAppends(bareStore, clients);
        async Task<int> MutationAsync(int c, long i)
        {
            var (tenant, project) = boards[Random.Shared.Next(boards.Length)];
            await client.PostAsync(tenant.Members[Random.Shared.Next(tenant.Members.Count)].Token, CreateTask,
                new { p = project, t = $"Load task {c}-{i}" }, "createTask");
            return 1;
        }

        Console.WriteLine("warming up writes");
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(3), (c, i) => appends.AppendAsync(c, i));
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(3), MutationAsync);
        Console.WriteLine("writes: bare Marten appends, createTask mutations over HTTP; interleaved rounds");
        var writes = await Interleaved.RunAsync(clients, Rounds, duration / Rounds, (c, i) => appends.AppendAsync(c, i), MutationAsync);

        var report = new BenchReport("API over HTTP: reads with 1,000,000 events and 1,000 users, mutations beside bare Marten appends");
        report.Paragraph($"""
            **Workload.** PostgreSQL: {database.Description}. The API runs as its own process (`dotnet TaskForge.Api.dll`, Production
            settings, rate limits raised for one load-generating IP); the load generator is this process, on the same 2 cores.
            Seeded over HTTP: {users:N0} users (register), {tenants.Count} workspaces of {MembersPerWorkspace} members (invite + accept),
            {projects} projects each ({overHttp.TotalSeconds:N0} s). Then {tasks} tasks per project, {BulkTaskEvents.EventsPerTask} events each (created with two
            assignees, seven edits, a comment), appended straight to Marten ({(appended - overHttp).TotalSeconds:N0} s); the daemon caught up with all six
            read models {(caughtUp - appended).TotalSeconds:N0} s later. Store: {events:N0} events, {feedRows:N0} feed rows.
            Reads: {readers} closed-loop clients, each request a random user (feed) or a random 200-task board read by a member of its workspace, {Rounds}
            interleaved rounds, {duration.TotalSeconds:N0} s in all per query. Writes: {clients} closed-loop clients; a mutation is `createTask` on a random project by a
            random member (authenticated, through Wolverine, waiting for its read models before answering); the baseline is bare Marten appends
            (a session per single-event append, exact expected version, UUIDv7 event ids and one body per stream as in the eventstore bench, ADR 0127) on another schema of the same cluster, {Rounds} interleaved rounds.
            """);
        report.Table(["measurement", "operations/s", "p50 ms", "p99 ms", "goal"],
        [
            ["feed first page (20 entries, actors)", Rate(reads[0]), Ms(reads[0].P50), Ms(reads[0].P99), $"p99 < 10 ms: {(reads[0].P99 < 10 ? "met" : "not met")}"],
            ["board (200 tasks, assignees, labels)", Rate(reads[1]), Ms(reads[1].P50), Ms(reads[1].P99), $"p99 < 20 ms: {(reads[1].P99 < 20 ? "met" : "not met")}"],
            ["authenticated `{ __typename }` (baseline: HTTP, JWT, GraphQL, no data)", Rate(reads[2]), Ms(reads[2].P50), Ms(reads[2].P99), ""],
            ["bare Marten appends (baseline)", Rate(writes[0]), Ms(writes[0].P50), Ms(writes[0].P99), ""],
            ["createTask mutations over HTTP", Rate(writes[1]), Ms(writes[1].P50), Ms(writes[1].P99),
                $"≥ 50% of bare appends: {writes[1].OperationsPerSecond / writes[0].OperationsPerSecond:P0}, {(writes[1].OperationsPerSecond >= 0.5 * writes[0].OperationsPerSecond ? "met" : "not met")}"],
        ]);
        await report.WriteAsync("api");
        return 0;
    }

    private static string Rate(LoadResult result) => result.OperationsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

}
