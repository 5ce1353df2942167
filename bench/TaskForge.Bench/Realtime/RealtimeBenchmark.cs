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
/// 5,000 connections held, and the resume of K missed events; then the API and the floor again with N npm
/// @microsoft/signalr clients in one Node process, the clients the issue measured its floor with. Options: --connections N
/// (1000), --workspaces W (20), --rate R (200), --seconds S (20), --max-connections (5000), --resume K (10000),
/// --js-clients 0 to skip the Node runs.
/// </summary>
public static class RealtimeBenchmark
{
    private const string CreateTask = "mutation($p: ID!, $t: String!) { createTask(input: { projectId: $p, title: $t }) { eventId errors { code message } } }";
    private const int MembersPerWorkspace = 10;
    private static readonly HttpClient MetricsHttp = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = BenchArgs.Int(args, "--connections", 1000);
        var workspaces = BenchArgs.Int(args, "--workspaces", 20);
        var rate = BenchArgs.Int(args, "--rate", 200);
        var duration = TimeSpan.FromSeconds(BenchArgs.Int(args, "--seconds", 20));
        var maxConnections = BenchArgs.Int(args, "--max-connections", 5000);
        var missed = BenchArgs.Int(args, "--resume", 10_000);
        var jsClients = BenchArgs.Int(args, "--js-clients", 1) != 0;
        await using var database = await BenchDatabase.StartAsync();
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, 5191);
        using var client = new ApiClient(api.Address);
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);
        var tenants = await BenchTenants.CreateAsync(client, workspaces * MembersPerWorkspace, MembersPerWorkspace, 1);
        var hub = new Uri(api.Address, "/hubs/events");
        (string Token, string Workspace) Member(int j) => (tenants[j % workspaces].Members[j / workspaces % MembersPerWorkspace].Token, tenants[j % workspaces].Id);
        async Task CommandAsync(long i)
        {
            var tenant = tenants[(int)(i % workspaces)];
            await client.PostAsync(tenant.Members[0].Token, CreateTask, new { p = tenant.Projects[0], t = $"Live task {i}" }, "createTask");
        }

        await using var floor = await FloorServer.StartAsync(5192);
        var floorSequence = 0L;
        async Task BroadcastAsync(long i)
        {
            var id = Interlocked.Increment(ref floorSequence);
            await floor.Hub.Clients.Group($"g{i % workspaces}").SendAsync("Event", new
            {
                id = id.ToString(CultureInfo.InvariantCulture), subscriptionId = "s", type = "TaskCreated", streamId = $"task-{Guid.NewGuid():N}",
                streamVersion = 1, occurredAt = DateTimeOffset.UtcNow, actorId = Guid.NewGuid(), workspaceId = Guid.NewGuid(), projectId = Guid.NewGuid(),
                taskId = Guid.NewGuid(), data = new { title = $"Live task {i}", description = "", priority = "None" },
            });
        }

        // 1. The API: N subscribers, commands at R/s.
        var idleBytes = api.ResidentBytes();
        var receivers = new Receivers();
        await ConnectManyAsync(receivers, connections, j => (hub, Member(j).Token, Subscribe(Member(j).Workspace)));
        await Task.Delay(3000);
        var heldBytes = api.ResidentBytes();
        Console.WriteLine($"{receivers.Count} connections subscribed; API RSS {idleBytes >> 20} MiB -> {heldBytes >> 20} MiB");
        var apiRun = await MeasureAsync(receivers, rate, duration, CommandAsync, api.Address);
        var eventsPerSecond = apiRun.DeliveriesPerSecond / (connections / (double)workspaces);
        Console.WriteLine($"api: {apiRun}");

        // 2. The floor: a bare hub, the same connections per group and events/s, no database.
        Run floorRun;
        await using (var floorReceivers = new Receivers())
        {
            await ConnectManyAsync(floorReceivers, connections, j => (floor.Url, null, c => c.InvokeAsync("Join", $"g{j % workspaces}")));
            floorRun = await MeasureAsync(floorReceivers, (int)Math.Round(eventsPerSecond), duration, BroadcastAsync);
            Console.WriteLine($"floor: {floorRun}");
        }

        // 3. Connections held on one node, with a trickle of commands.
        var many = new Receivers();
        await ConnectManyAsync(many, maxConnections - connections, j => (hub, Member(j).Token, Subscribe(Member(j).Workspace)));
        await Task.Delay(3000);
        var manyBytes = api.ResidentBytes();
        var held = receivers.Count + many.Count;
        Console.WriteLine($"{held} connections held; API RSS {manyBytes >> 20} MiB");
        var manyRun = await MeasureAsync(many, Math.Max(1, rate / 10), TimeSpan.FromSeconds(10), CommandAsync, api.Address);
        Console.WriteLine($"held: {manyRun}");

        // 4. Resume of K missed events, the held connections still open.
        // Once right after the burst of missed events (the daemon still projecting them), then three times with the
        // read models caught up, as when a client comes back a while after what it missed.
        var resumes = await ResumeAsync(dataSource, hub, tenants[0], missed, [false, true, true, true]);
        await many.DisposeAsync();
        await receivers.DisposeAsync();

        // 5. The API and the floor again, with the clients the issue measured its floor with: npm's @microsoft/signalr,
        // all N in one Node process.
        JsRuns? js = null;
        if (jsClients)
        {
            Run jsApi, jsFloor;
            (double P50, double P99, double Max) apiLoop, floorLoop;
            await using (var jsReceivers = await JsReceivers.StartAsync())
            {
                var open = await jsReceivers.ConnectAsync(hub, Enumerable.Range(0, connections).Select(j =>
                    ((string?)Member(j).Token, "Subscribe", (object)new { scopes = new[] { $"workspace:{Member(j).Workspace}" }, after = (string?)null })));
                Console.WriteLine($"{open} JS connections subscribed");
                jsApi = await MeasureAsync(jsReceivers, rate, duration, CommandAsync, api.Address);
                apiLoop = jsReceivers.LoopDelay;
                Console.WriteLine($"api, JS clients: {jsApi}; Node event-loop delay p99 {apiLoop.P99:N1} ms");
            }

            await using (var jsReceivers = await JsReceivers.StartAsync())
            {
                await jsReceivers.ConnectAsync(floor.Url, Enumerable.Range(0, connections).Select(j => ((string?)null, "Join", (object)$"g{j % workspaces}")));
                jsFloor = await MeasureAsync(jsReceivers, (int)Math.Round(jsApi.DeliveriesPerSecond / (connections / (double)workspaces)), duration, BroadcastAsync);
                floorLoop = jsReceivers.LoopDelay;
                Console.WriteLine($"floor, JS clients: {jsFloor}; Node event-loop delay p99 {floorLoop.P99:N1} ms");
            }

            js = new JsRuns(jsApi, jsFloor, apiLoop, floorLoop);
        }

        await WriteReportAsync(database, connections, workspaces, rate, duration, apiRun, floorRun, js, manyRun, held, maxConnections,
            idleBytes, heldBytes, manyBytes, missed, resumes);
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
    private static async Task<Run> MeasureAsync(IEventClients receivers, int rate, TimeSpan window, Func<long, Task> operation, Uri? api = null)
    {
        using var inFlight = new SemaphoreSlim(256);
        var running = new List<Task>();
        var warmUp = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        long issued = 0, failed = 0;
        var recording = false;
        SortedDictionary<double, long>? serverBefore = null;
        while (clock.Elapsed < warmUp + window)
        {
            if (!recording && clock.Elapsed >= warmUp)
            {
                recording = true;
                await receivers.BeginAsync();
                if (api is not null)
                    serverBefore = await ServerLatency.ReadAsync(MetricsHttp, api);
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

        var receivedInWindow = await receivers.ReceivedAsync();
        var issuedPerSecond = issued / clock.Elapsed.TotalSeconds;
        await Task.WhenAll(running);
        await Task.Delay(2000);
        var latencies = await receivers.EndAsync();
        var server = "";
        if (api is not null && serverBefore is not null)
        {
            var serverAfter = await ServerLatency.ReadAsync(MetricsHttp, api);
            server = $"{ServerLatency.Quantile(serverBefore, serverAfter, 0.5)} / {ServerLatency.Quantile(serverBefore, serverAfter, 0.99)}";
        }

        return new Run(issuedPerSecond, Interlocked.Read(ref failed), receivedInWindow / window.TotalSeconds, latencies.Count,
            Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), latencies.Count == 0 ? 0 : latencies.Max(), server);
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
        BenchDatabase database, int connections, int workspaces, int rate, TimeSpan duration, Run apiRun, Run floorRun, JsRuns? js, Run manyRun, int held,
        int maxConnections, long idleBytes, long heldBytes, long manyBytes, int missed, List<Resume> resumes)
    {
        var report = new BenchReport("Realtime: /hubs/events under load");
        report.Paragraph($"""
            **Workload.** PostgreSQL: {database.Description}. The API runs as its own process (`dotnet TaskForge.Api.dll`, Production,
            one node, JSON protocol over WebSockets); the load generator, the .NET SignalR clients (all in one process) and the floor
            hub run in the benchmark's process on the same machine. The JS runs use npm's @microsoft/signalr (JSON, WebSockets),
            all N connections in one Node process (bench/signalr-js/clients.mjs), as the issue measured its floor; they run after the
            .NET runs, the connections held and the resumes, with the .NET clients closed. {connections} connections over {workspaces} workspaces
            ({connections / workspaces} per workspace, each subscribed to `workspace:<id>`); createTask mutations over HTTP at
            {rate}/s open-loop (each commits 2 events, TaskCreated and TaskWatched), spread over the workspaces, so each event
            reaches {connections / workspaces} clients. {duration.TotalSeconds:N0} s measured after 5 s of warm-up. Latency is from
            the event's `occurredAt` (the command's clock, read just before the append, so it includes the commit) to the client's
            receipt, on one machine clock. The floor is a bare SignalR hub (Kestrel, JSON, no auth, no database) in the
            benchmark's process sending an `Event`-shaped message stamped with the send time to groups of the same size at the
            API run's measured events/s. The last column is the API's own `taskforge.realtime.commit_to_send` histogram over the
            window, read from its /metrics: the server's share of the latency.
            """);
        static string[] Row(string name, Run run) =>
            [name, run.IssuedPerSecond.ToString("N0", CultureInfo.InvariantCulture), run.Failed.ToString(CultureInfo.InvariantCulture), run.DeliveriesPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(run.P50), Ms(run.P99), Ms(run.Max), run.Server];
        List<string[]> rows =
        [
            Row($"API, {connections} .NET clients", apiRun),
            Row($"floor: bare hub, {connections} .NET clients", floorRun),
        ];
        if (js is { } jsRuns)
        {
            rows.Add(Row($"API, {connections} JS clients in one Node process (its event loop late by p50 {Ms(jsRuns.ApiLoop.P50)} / p99 {Ms(jsRuns.ApiLoop.P99)} / max {Ms(jsRuns.ApiLoop.Max)} ms)", jsRuns.Api));
            rows.Add(Row($"floor: bare hub, {connections} JS clients in one Node process (event loop late by p50 {Ms(jsRuns.FloorLoop.P50)} / p99 {Ms(jsRuns.FloorLoop.P99)} / max {Ms(jsRuns.FloorLoop.Max)} ms)", jsRuns.Floor));
        }

        rows.Add(Row($"API, {held} .NET clients held (latency of the {held - connections} added)", manyRun));
        report.Table(["run", "commands (or sends)/s", "failed", "deliveries/s", "p50 ms", "p99 ms", "max ms", "server's commit → send p50 / p99 (its histogram's bucket)"], rows);
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
        static string Against(Run api, Run floor)
        {
            var ratio = floor.P99 > 0 ? api.P99 / floor.P99 : double.NaN;
            return $"p99 {Ms(api.P99)} ms vs floor {Ms(floor.P99)} ms = {ratio:N1}x; {(ratio <= 1.5 && api.P99 < 150 ? "met" : "not met")}";
        }

        var jsGoal = js is { } j ? $" With JS clients, as the issue's floor was measured: {Against(j.Api, j.Floor)}." : "";
        report.Paragraph($"""
            **Goals.** 5,000 connections on one node: {(held >= 5000 ? "met" : "not met")} ({held}). At {connections} connections in
            {workspaces} workspaces and {rate} commands/s, p99 within 1.5x of the bare-hub floor and under 150 ms: with .NET clients,
            {Against(apiRun, floorRun)}.{jsGoal} Resume of
            {missed:N0} missed events under 1 s, the client coming back after the daemon has projected them: {(resumeMs.Length > 0 && resumeMs.Max() < 1000 ? "met" : "not met")} (worst {Ms(resumeMs.DefaultIfEmpty().Max())} ms);
            right after the burst, with the daemon projecting it on the same cores: {string.Join(", ", duringBurst.Select(r => Ms(r.Ms)))} ms.
            Commands that were issued but failed are counted in `failed`; the rate column is what was issued.
            """);
        await report.WriteAsync("realtime");
    }

    private sealed record Resume(double Ms, int Replayed, bool AfterCatchUp);

    private sealed record JsRuns(Run Api, Run Floor, (double P50, double P99, double Max) ApiLoop, (double P50, double P99, double Max) FloorLoop);

    private sealed record Run(double IssuedPerSecond, long Failed, double DeliveriesPerSecond, int Samples, double P50, double P99, double Max, string Server)
    {
        public override string ToString() =>
            $"{IssuedPerSecond:N0}/s issued, {Failed} failed, {DeliveriesPerSecond:N0} deliveries/s, {Samples} samples, p50 {P50:N1} p99 {P99:N1} max {Max:N1} ms" +
            (Server.Length > 0 ? $"; server commit to send p50 / p99 in {Server}" : "");
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

}
