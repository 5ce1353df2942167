using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using TaskForge.Bench.Api;
using TaskForge.Bench.Common;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.Realtime;

/// <summary>
/// /hubs/events under load, the API as its own process and the clients (.NET SignalR, many per process) on the same
/// machine: N connections over W workspaces while createTask mutations go in at R/s, so each event reaches N/W clients;
/// then in the same run the floor (a bare SignalR hub broadcasting the same events/s to groups of N/W, no database),
/// 5,000 connections held, and the resume of K missed events. Options: --connections N (1000), --workspaces W (20),
/// --rate R (200), --seconds S (20), --max-connections (5000), --resume K (10000).
/// </summary>
public static class RealtimeBenchmark
{
    private const string CreateTask = "mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { eventId errors { code message } } }";
    private const int MembersPerWorkspace = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = BenchArgs.Int(args, "--connections", 1000);
        var workspaces = BenchArgs.Int(args, "--workspaces", 20);
        var rate = BenchArgs.Int(args, "--rate", 200);
        var duration = TimeSpan.FromSeconds(BenchArgs.Int(args, "--seconds", 20));
        var maxConnections = BenchArgs.Int(args, "--max-connections", 5000);
        var missed = BenchArgs.Int(args, "--resume", 10_000);
        await using var database = await BenchDatabase.StartAsync();
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, 5191);
        using var client = new ApiClient(api.Address);
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);
        var tenants = await BenchTenants.CreateAsync(client, workspaces * MembersPerWorkspace, MembersPerWorkspace, 1);
        var hub = new Uri(api.Address, "/hubs/events");

        // 1. The API: N subscribers, commands at R/s.
        var idleBytes = api.ResidentBytes();
        await using var receivers = new Receivers();
        await ConnectManyAsync(receivers, connections, j => (hub, tenants[j % workspaces].Members[j / workspaces % MembersPerWorkspace].Token, Subscribe(tenants[j % workspaces].Id)));
        await Task.Delay(3000);
        var heldBytes = api.ResidentBytes();
        Console.WriteLine($"{receivers.Count} connections subscribed; API RSS {idleBytes >> 20} MiB -> {heldBytes >> 20} MiB");
        async Task CommandAsync(long i)
        {
            var tenant = tenants[(int)(i % workspaces)];
            await client.PostAsync(tenant.Members[0].Token, CreateTask, new { p = tenant.Projects[0], t = $"Live task {i}" }, "createTask");
        }

        var apiRun = await MeasureAsync(receivers, rate, duration, CommandAsync);
        var eventsPerSecond = apiRun.DeliveriesPerSecond / (connections / (double)workspaces);
        Console.WriteLine($"api: {apiRun}");

        // 2. The floor: a bare hub, the same connections per group and events/s, no database.
        await using (var floor = await FloorServer.StartAsync(5192))
        {
            await using var floorReceivers = new Receivers();
            await ConnectManyAsync(floorReceivers, connections, j => (floor.Url, null, c => c.InvokeAsync("Join", $"g{j % workspaces}")));
            var sequence = 0L;
            async Task BroadcastAsync(long i)
            {
                var id = Interlocked.Increment(ref sequence);
                await floor.Hub.Clients.Group($"g{i % workspaces}").SendAsync("Event", new
                {
                    id = id.ToString(CultureInfo.InvariantCulture), subscriptionId = "s", type = "TaskCreated", streamId = $"task-{Guid.NewGuid():N}",
                    streamVersion = 1, occurredAt = DateTimeOffset.UtcNow, actorId = Guid.NewGuid(), workspaceId = Guid.NewGuid(), projectId = Guid.NewGuid(),
                    taskId = Guid.NewGuid(), data = new { title = $"Live task {i}", description = "", priority = "None" },
                });
            }

            var floorRun = await MeasureAsync(floorReceivers, (int)Math.Round(eventsPerSecond), duration, BroadcastAsync);
            Console.WriteLine($"floor: {floorRun}");

            // 3. Connections held on one node, with a trickle of commands.
            await using var many = new Receivers();
            await ConnectManyAsync(many, maxConnections - connections, j => (hub, tenants[j % workspaces].Members[j / workspaces % MembersPerWorkspace].Token, Subscribe(tenants[j % workspaces].Id)));
            await Task.Delay(3000);
            var manyBytes = api.ResidentBytes();
            var held = receivers.Count + many.Count;
            Console.WriteLine($"{held} connections held; API RSS {manyBytes >> 20} MiB");
            var manyRun = await MeasureAsync(many, Math.Max(1, rate / 10), TimeSpan.FromSeconds(10), CommandAsync);
            Console.WriteLine($"held: {manyRun}");

            // 4. Resume of K missed events.
            // Once right after the burst of missed events (the daemon still projecting them), then three times with the
            // read models caught up, as when a client comes back a while after what it missed.
            var resumes = await ResumeAsync(dataSource, hub, tenants[0], missed, [false, true, true, true]);
            await WriteReportAsync(database, connections, workspaces, rate, duration, apiRun, floorRun, manyRun, held, maxConnections,
                idleBytes, heldBytes, manyBytes, missed, resumes);
        }

        return 0;
    }

    private static Func<HubConnection, Task> Subscribe(string workspace) =>
        async c => await c.InvokeAsync<JsonElement>("Subscribe", new { scopes = new[] { $"workspace:{workspace}" }, after = (string?)null });

    private static async Task ConnectManyAsync(Receivers receivers, int count, Func<int, (Uri Url, string? Token, Func<HubConnection, Task> Start)> plan)
    {
        var failures = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (j, _) =>
        {
            var (url, token, start) = plan(j);
            try
            {
                await receivers.ConnectAsync(url, token, start);
            }
            catch (Exception e) when (e is HttpRequestException or HubException or InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException)
            {
                if (Interlocked.Increment(ref failures) <= 3)
                    Console.WriteLine($"connection {j} failed: {e.Message}");
            }
        });
        if (failures > 0)
            Console.WriteLine($"{failures} of {count} connections failed");
    }

    /// <summary>Open-loop: operation i starts at start + i/R (at most 256 in flight); 5 s of warm-up, then the window.</summary>
    private static async Task<Run> MeasureAsync(Receivers receivers, int rate, TimeSpan window, Func<long, Task> operation)
    {
        using var inFlight = new SemaphoreSlim(256);
        var running = new List<Task>();
        var warmUp = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        long issued = 0, failed = 0, receivedAtStart = 0;
        var recording = false;
        while (clock.Elapsed < warmUp + window)
        {
            if (!recording && clock.Elapsed >= warmUp)
            {
                recording = true;
                receivers.Record(true);
                receivedAtStart = receivers.Received;
            }

            var due = TimeSpan.FromSeconds(issued / (double)rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            await inFlight.WaitAsync();
            var i = issued++;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(i);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        var receivedInWindow = receivers.Received - receivedAtStart;
        var issuedPerSecond = issued / clock.Elapsed.TotalSeconds;
        await Task.WhenAll(running);
        await Task.Delay(2000);
        receivers.Record(false);
        var latencies = receivers.Latencies;
        return new Run(issuedPerSecond, Interlocked.Read(ref failed), receivedInWindow / window.TotalSeconds, latencies.Count,
            Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), latencies.Count == 0 ? 0 : latencies.Max());
    }

    private static async Task<List<Resume>> ResumeAsync(NpgsqlDataSource dataSource, Uri hub, BenchTenant tenant, int missed, bool[] afterCatchUp)
    {
        using var store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseTaskForgeEventStore(new EventStoreSettings());
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        var results = new List<Resume>();
        var project = GlobalIdParts(tenant.Projects[0]);
        foreach (var caughtUp in afterCatchUp)
        {
            var after = await ScalarAsync(dataSource, "SELECT coalesce(max(seq_id), 0) FROM taskforge.mt_events");
            for (var done = 0; done < missed; done += 500)
            {
                await using var session = store.LightweightSession();
                for (var k = 0; k < Math.Min(500, missed - done); k++)
                {
                    var task = new TaskEvent.TaskCreated(Guid.NewGuid(), project, tenant.WorkspaceId, $"Missed {done + k}", "", TaskPriority.None, null, [], [], Guid.NewGuid(), "i");
                    session.Events.Append($"task-{task.TaskId:N}", EventEnvelope.Wrap(task).Stamp(tenant.Members[0].UserId, tenant.WorkspaceId, DateTimeOffset.UtcNow));
                }

                await session.SaveChangesAsync();
            }

            var last = await ScalarAsync(dataSource, "SELECT max(seq_id) FROM taskforge.mt_events");
            while (await ScalarAsync(dataSource, "SELECT coalesce(max(last_seq_id), 0) FROM taskforge.mt_event_progression WHERE name = 'HighWaterMark'") < last)
                await Task.Delay(50);
            if (caughtUp)
                await ReadModelsCaughtUp.WaitAsync(dataSource, last, TimeSpan.FromMilliseconds(100));
            // The node's tailer publishes a little after the mark moves: the resume is measured once it has (a live-only
            // probe's lastEventId is the tailer's position), so that every missed event is a replayed one.
            await using (var probe = new Receivers())
            {
                var position = 0L;
                while (position < last)
                {
                    await probe.ConnectAsync(hub, tenant.Members[1].Token, async c =>
                        position = long.Parse((await c.InvokeAsync<JsonElement>("Subscribe", new { scopes = new[] { $"workspace:{tenant.Id}" }, after = (string?)null }))
                            .GetProperty("lastEventId").GetString()!, CultureInfo.InvariantCulture));
                    await Task.Delay(50);
                }
            }

            await using var connection = new HubConnectionBuilder().WithUrl(hub, o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(tenant.Members[1].Token);
            }).Build();
            var received = 0;
            connection.On<JsonElement>("Event", _ => Interlocked.Increment(ref received));
            await connection.StartAsync();
            var started = Stopwatch.GetTimestamp();
            var result = await connection.InvokeAsync<JsonElement>("Subscribe", new { scopes = new[] { $"workspace:{tenant.Id}" }, after = after.ToString(CultureInfo.InvariantCulture) });
            var replayed = result.TryGetProperty("replayed", out var count) ? count.GetInt32() : -1;
            // Done when the client has handled every replayed event (its handlers may run just after the result).
            while (Volatile.Read(ref received) < replayed)
                await Task.Delay(1);
            var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Console.WriteLine($"resume after {after} ({(caughtUp ? "read models caught up" : "right after the burst")}): {took:N0} ms, replayed {replayed}, received {received} ({result.GetRawText()})");
            results.Add(new Resume(took, replayed, caughtUp));
        }

        return results;
    }

    private static Guid GlobalIdParts(string projectId) => TaskForge.Api.Schema.GlobalId.TryParse(projectId)![1];

    private static async Task WriteReportAsync(
        BenchDatabase database, int connections, int workspaces, int rate, TimeSpan duration, Run apiRun, Run floorRun, Run manyRun, int held,
        int maxConnections, long idleBytes, long heldBytes, long manyBytes, int missed, List<Resume> resumes)
    {
        var report = new BenchReport("Realtime: /hubs/events under load");
        report.Paragraph($"""
            **Workload.** PostgreSQL: {database.Description}. The API runs as its own process (`dotnet TaskForge.Api.dll`, Production,
            one node, JSON protocol over WebSockets); the load generator, the .NET SignalR clients (all in one process) and the floor
            hub run in the benchmark's process on the same machine. {connections} connections over {workspaces} workspaces
            ({connections / workspaces} per workspace, each subscribed to `workspace:<id>`); createTask mutations over HTTP at
            {rate}/s open-loop (each commits 2 events, TaskCreated and TaskWatched), spread over the workspaces, so each event
            reaches {connections / workspaces} clients. {duration.TotalSeconds:N0} s measured after 5 s of warm-up. Latency is from
            the event's `occurredAt` (the command's clock, read just before the append, so it includes the commit) to the client's
            receipt, on one machine clock. The floor is a bare SignalR hub (Kestrel, JSON, no auth, no database) in the
            benchmark's process sending an `Event`-shaped message stamped with the send time to groups of the same size at the
            API run's measured events/s.
            """);
        report.Table(["run", "commands (or sends)/s", "failed", "deliveries/s", "p50 ms", "p99 ms", "max ms"],
        [
            [$"API, {connections} connections", apiRun.IssuedPerSecond.ToString("N0", CultureInfo.InvariantCulture), apiRun.Failed.ToString(CultureInfo.InvariantCulture), apiRun.DeliveriesPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(apiRun.P50), Ms(apiRun.P99), Ms(apiRun.Max)],
            [$"floor: bare hub, {connections} connections", floorRun.IssuedPerSecond.ToString("N0", CultureInfo.InvariantCulture), floorRun.Failed.ToString(CultureInfo.InvariantCulture), floorRun.DeliveriesPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(floorRun.P50), Ms(floorRun.P99), Ms(floorRun.Max)],
            [$"API, {held} connections held (latency of the {held - connections} added)", manyRun.IssuedPerSecond.ToString("N0", CultureInfo.InvariantCulture), manyRun.Failed.ToString(CultureInfo.InvariantCulture), manyRun.DeliveriesPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(manyRun.P50), Ms(manyRun.P99), Ms(manyRun.Max)],
        ]);
        var perConnection = (heldBytes - idleBytes) / (double)connections / 1024;
        var perConnectionMany = (manyBytes - idleBytes) / (double)held / 1024;
        var resumeMs = resumes.Where(r => r.AfterCatchUp).Select(r => r.Ms).ToArray();
        var duringBurst = resumes.Where(r => !r.AfterCatchUp).ToArray();
        report.Table(["measure", "value"],
        [
            ["connections held on one node", $"{held} of {maxConnections} attempted"],
            [$"API resident memory: idle / {connections} / {held} connections", $"{idleBytes >> 20} / {heldBytes >> 20} / {manyBytes >> 20} MiB"],
            ["server memory per connection (RSS growth / connections)", $"{perConnection:N0} KiB at {connections}, {perConnectionMany:N0} KiB at {held}"],
            [$"resume of {missed:N0} missed events (Subscribe with `after` until the client has every replayed event), read models caught up, {resumeMs.Length} runs", $"{string.Join(", ", resumeMs.Select(Ms))} ms (replayed {string.Join(", ", resumes.Where(r => r.AfterCatchUp).Select(r => r.Replayed))})"],
            [$"the same right after the {missed:N0} were appended (the daemon still projecting them), {duringBurst.Length} run", $"{string.Join(", ", duringBurst.Select(r => Ms(r.Ms)))} ms (replayed {string.Join(", ", duringBurst.Select(r => r.Replayed))})"],
        ]);
        var ratio = floorRun.P99 > 0 ? apiRun.P99 / floorRun.P99 : double.NaN;
        report.Paragraph($"""
            **Goals.** 5,000 connections on one node: {(held >= 5000 ? "met" : "not met")} ({held}). At {connections} connections in
            {workspaces} workspaces and {rate} commands/s, p99 within 1.5x of the bare-hub floor and under 150 ms: p99 {Ms(apiRun.P99)} ms
            vs floor {Ms(floorRun.P99)} ms = {ratio:N1}x; {(ratio <= 1.5 && apiRun.P99 < 150 ? "met" : "not met")}. Resume of
            {missed:N0} missed events under 1 s, the client coming back after the daemon has projected them: {(resumeMs.Length > 0 && resumeMs.Max() < 1000 ? "met" : "not met")} (worst {Ms(resumeMs.DefaultIfEmpty().Max())} ms);
            right after the burst, with the daemon projecting it on the same cores: {string.Join(", ", duringBurst.Select(r => Ms(r.Ms)))} ms.
            Commands that were issued but failed are counted in `failed`; the rate column is what was issued.
            """);
        await report.WriteAsync("realtime");
    }

    private sealed record Resume(double Ms, int Replayed, bool AfterCatchUp);

    private sealed record Run(double IssuedPerSecond, long Failed, double DeliveriesPerSecond, int Samples, double P50, double P99, double Max)
    {
        public override string ToString() =>
            $"{IssuedPerSecond:N0}/s issued, {Failed} failed, {DeliveriesPerSecond:N0} deliveries/s, {Samples} samples, p50 {P50:N1} p99 {P99:N1} max {Max:N1} ms";
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

}
