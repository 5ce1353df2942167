using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Marten;
using Npgsql;
using TaskForge.Bench.Api;
using TaskForge.Bench.Common;
using TaskForge.Bench.Integrity;
using TaskForge.Integrity;
using TaskForge.Storage.Events;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.Export;

/// <summary>
/// The audit export over HTTP: GET /audit/workspaces/{id}/export as NDJSON and as CSV of one workspace's --events
/// (1,000,000) events, read by a client on the same machine, beside a same-run baseline: PostgreSQL's own
/// <c>COPY (SELECT the same columns of the same rows) TO STDOUT</c> read by Npgsql. The API runs as its own process
/// serving only (no projections); the hash chain (which bounds the export with the high-water mark) is built by a
/// daemon in the bench process before the measurements. Options: --events N, --rounds R (3).
/// </summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 1_000_000);
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        await using var database = await BenchDatabase.StartAsync();
        // One signing key for both API processes (the second, with Server GC, is started later), so one token signs in to both.
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, FreePort(), new Dictionary<string, string>
        {
            ["Auth__SigningKey"] = signingKey,
            ["TaskForge__RunProjections"] = "false",
            ["GraphQL__ReadYourWritesTimeout"] = "00:00:00.100",
        });
        using var client = new ApiClient(api.Address);
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);

        Guid workspaceId;
        var owner = await client.PostAsync(null, "mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } errors { code message } } }",
            new { i = new { email = "auditor@bench.taskforge.test", password = "bench password 1234", name = "Bench Auditor" } }, "register");
        var token = owner.GetProperty("register").GetProperty("accessToken").GetString()!;
        var ownerId = TaskForge.Api.Schema.GlobalId.TryParse(owner.GetProperty("register").GetProperty("user").GetProperty("id").GetString())![0];
        // No projections run in this API process, so the payload cannot show the workspace: its stream names it.
        _ = await client.PostAsync(token, "mutation { createWorkspace(input: { name: \"Export bench\" }) { eventId errors { code message } } }", null, "createWorkspace");
        workspaceId = await NewestWorkspaceAsync(dataSource);
        var workspaceGlobalId = TaskForge.Api.Schema.GlobalId.Workspace(workspaceId);
        _ = await client.PostAsync(token, "mutation { createWorkspace(input: { name: \"Small workspace\" }) { eventId errors { code message } } }", null, "createWorkspace");
        var smallWorkspaceId = await NewestWorkspaceAsync(dataSource);
        var smallGlobalId = TaskForge.Api.Schema.GlobalId.Workspace(smallWorkspaceId);

        Console.WriteLine($"appending {events:N0} events to one workspace");
        var load = Stopwatch.StartNew();
        using (var store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseTaskForgeEventStore(new EventStoreSettings());
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        }))
        {
            await ExportHistory.AppendAsync(store, workspaceId, smallWorkspaceId, ownerId, events);
        }

        var appended = load.Elapsed;
        Console.WriteLine("chaining (the chain and the high-water mark bound the export)");
        var options = new IntegrityOptions { Schema = "taskforge", ChainKeyHeader = EventHeaders.WorkspaceId, SigningKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) };
        await using (var chainer = new ChainerDaemon(dataSource, options))
        {
            await chainer.StartAsync();
            await chainer.WaitChainedAsync();
            var last = await ScalarAsync(dataSource, "SELECT max(seq_id) FROM taskforge.mt_events");
            while (await ScalarAsync(dataSource, "SELECT coalesce((SELECT last_seq_id FROM taskforge.mt_event_progression WHERE name = 'HighWaterMark'), 0)") < last)
                await Task.Delay(50);
            await chainer.StopAsync();
        }

        var chained = load.Elapsed;
        Console.WriteLine("vacuum analyze");
        await using (var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE)"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }

        var workspaceEvents = await ScalarAsync(dataSource, $"SELECT count(*) FROM taskforge.mt_events WHERE headers ->> 'workspace-id' = '{workspaceId}'");
        using var http = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // A second API process on the same database with Server GC (DOTNET_gcServer=1, the operator's switch of ADR 103),
        // exporting in the same rounds: the export allocates per event, and the GC mode moves its throughput.
        await using var serverGc = await ApiProcess.StartAsync(database.ConnectionString, FreePort(), new Dictionary<string, string>
        {
            ["Auth__SigningKey"] = signingKey,
            ["TaskForge__RunProjections"] = "false",
            ["DOTNET_gcServer"] = "1",
        });
        using var serverGcHttp = new HttpClient { BaseAddress = serverGc.Address, Timeout = TimeSpan.FromMinutes(30) };
        serverGcHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var loadBefore = LoadAverage();
        var rssBefore = api.ResidentBytes();
        var copy = new List<Measurement>();
        var ndjson = new List<Measurement>();
        var csv = new List<Measurement>();
        var ndjsonServerGc = new List<Measurement>();
        long rssPeak = 0;
        for (var round = 0; round < rounds; round++)
        {
            copy.Add(await CopyAsync(dataSource, workspaceId));
            ndjson.Add(await ExportAsync(http, workspaceGlobalId, "ndjson", () => rssPeak = Math.Max(rssPeak, api.ResidentBytes())));
            csv.Add(await ExportAsync(http, workspaceGlobalId, "csv", () => rssPeak = Math.Max(rssPeak, api.ResidentBytes())));
            ndjsonServerGc.Add(await ExportAsync(serverGcHttp, workspaceGlobalId, "ndjson", () => { }));
            Console.WriteLine($"round {round + 1}: COPY {copy[^1]}; NDJSON {ndjson[^1]}; CSV {csv[^1]}; NDJSON with Server GC {ndjsonServerGc[^1]}");
        }

        Console.WriteLine("audit log pages of the small workspace");
        var smallEvents = await ScalarAsync(dataSource, $"SELECT count(*) FROM taskforge.mt_events WHERE headers ->> 'workspace-id' = '{smallWorkspaceId}'");
        var pages = await SmallWorkspacePages.MeasureAsync(client, token, dataSource, smallWorkspaceId, smallGlobalId, rounds);
        var loadAfter = LoadAverage();
        var report = new BenchReport("Audit export over HTTP: NDJSON and CSV vs PostgreSQL COPY");
        report.Paragraph($"Database: {database.Description}. The API runs as its own process (`TaskForge.Api.dll`, Production, serving only: " +
                         "`TaskForge:RunProjections=false`), the client on the same machine reads each response to the end with `HttpClient` and counts its bytes " +
                         "and lines. The load generator and the API share the machine's 2 cores with PostgreSQL (and, on this machine, with another engineer's builds).");
        report.Paragraph($"Workload: one workspace of {workspaceEvents:N0} events ({events / ExportHistory.EventsPerTask:N0} task streams of a TaskCreated and nine edits, " +
                         "with TaskForge's headers: actor, workspace, time, command type, client IP, user agent; Marten's correlation and causation ids), appended straight " +
                         $"to Marten in {appended.TotalSeconds:N0} s and chained by the integrity daemon in {(chained - appended).TotalSeconds:N0} s; `VACUUM ANALYZE` before " +
                         $"measuring. Each export is the whole history (`after` 0), read in keyset pages of 5,000 (the default `Audit:ExportPageSize`). {rounds} interleaved rounds.");
        report.Paragraph("Baseline: `COPY (SELECT seq_id, id, type, stream_id, version, timestamp, correlation_id, causation_id, headers, data FROM mt_events " +
                         "WHERE headers ->> 'workspace-id' = $ws ORDER BY seq_id) TO STDOUT` (text format) through Npgsql's raw text export: the same rows and columns, " +
                         "with no HTTP, no JSON or CSV formatting and no paging. COPY is one backend producing the text serially; the export keeps " +
                         "two (it queries the next page while it writes the current one), which is how it can match or pass COPY on 2 cores.");
        report.Table(["measurement", "events", "MB", "median s", "events/s", "MB/s", "vs COPY"],
        [
            Row("COPY ... TO STDOUT (baseline)", copy, copy),
            Row("GET export?format=ndjson", ndjson, copy),
            Row("GET export?format=csv", csv, copy),
            Row("GET export?format=ndjson, a second API process with Server GC (`DOTNET_gcServer=1`)", ndjsonServerGc, copy),
        ]);
        report.Paragraph($"Rounds (s): COPY {Seconds(copy)}; NDJSON {Seconds(ndjson)}; CSV {Seconds(csv)}; NDJSON with Server GC {Seconds(ndjsonServerGc)}. " +
                         "The API runs with workstation GC by default (ADR 103, for the latency of the board and the realtime hub on small machines).");
        report.Paragraph($"API process memory (VmRSS): {rssBefore / 1e6:N0} MB before the exports, at most {rssPeak / 1e6:N0} MB sampled during them (every 8 MiB read): " +
                         "the export holds one page, not the log.");
        report.Paragraph($"A small workspace in the same log: {smallEvents:N0} events, one task's ten every {ExportHistory.SmallWorkspaceEvery * 100:N0} events of the large one. " +
                         $"`auditLog(first: {SmallWorkspacePages.PageSize})` of it over HTTP (GraphQL, the owner's token; the page reads the workspace's hash-chain links, ADR 126) " +
                         "beside the statement the audit log ran before, which scans the log for the workspace's header (run straight on PostgreSQL, the same " +
                         $"columns, limit and high-water mark); {SmallWorkspacePages.Repetitions} of each per order in each of {rounds} rounds, interleaved.");
        report.Table(["measurement", "p50 ms", "max ms"], pages.Rows());
        report.Paragraph($"Load average (1/5/15 min) before the measurements: {loadBefore}; after: {loadAfter}.");
        report.Paragraph("Goal: at least 100,000 events/s over HTTP.");
        await report.WriteAsync("export");
        return ndjson.Concat(csv).Concat(ndjsonServerGc).All(m => m.Events == workspaceEvents) ? 0 : 1;
    }

    private static async Task<Guid> NewestWorkspaceAsync(NpgsqlDataSource dataSource)
    {
        await using var stream = dataSource.CreateCommand("SELECT id FROM taskforge.mt_streams WHERE id LIKE 'workspace-%' ORDER BY created DESC LIMIT 1");
        return Guid.ParseExact(((string)(await stream.ExecuteScalarAsync())!)["workspace-".Length..], "N");
    }

    private static async Task<Measurement> CopyAsync(NpgsqlDataSource dataSource, Guid workspaceId)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        using var reader = await connection.BeginTextExportAsync(
            "COPY (SELECT seq_id, id, type, stream_id, version, timestamp, correlation_id, causation_id, headers, data FROM taskforge.mt_events " +
            $"WHERE headers ->> 'workspace-id' = '{workspaceId}' ORDER BY seq_id) TO STDOUT");
        var buffer = new char[1 << 16];
        long chars = 0, lines = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            chars += read;
            lines += buffer.AsSpan(0, read).Count('\n');
        }

        return new Measurement(lines, chars, watch.Elapsed);
    }

    private static async Task<Measurement> ExportAsync(HttpClient http, string workspaceId, string format, Action sample)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/audit/workspaces/{workspaceId}/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0, lines = 0, sampledAt = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            if (bytes - sampledAt >= 8 << 20)
            {
                sampledAt = bytes;
                sample();
            }
        }

        // NDJSON: one line per event and the manifest line; CSV: the header, one record per event (the data has no line
        // breaks here) and the manifest record.
        return new Measurement(format == "csv" ? lines - 2 : lines - 1, bytes, watch.Elapsed);
    }

    private static string[] Row(string name, List<Measurement> runs, List<Measurement> baseline)
    {
        var median = Median(runs);
        var reference = Median(baseline);
        return [name, F0(median.Events), F1(median.Bytes / 1e6), F2(median.Elapsed.TotalSeconds), F0(median.Events / median.Elapsed.TotalSeconds),
            F1(median.Bytes / 1e6 / median.Elapsed.TotalSeconds), (reference.Elapsed.TotalSeconds / median.Elapsed.TotalSeconds).ToString("P0", CultureInfo.InvariantCulture)];
    }

    private static Measurement Median(List<Measurement> runs) => runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);

    private static string Seconds(List<Measurement> runs) => string.Join(", ", runs.Select(r => F2(r.Elapsed.TotalSeconds)));

    /// <summary>A port nothing listens on now (other benchmarks on this machine use fixed ones).</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("N2", CultureInfo.InvariantCulture);


    private sealed record Measurement(long Events, long Bytes, TimeSpan Elapsed)
    {
        public override string ToString() => $"{Events:N0} events, {Bytes / 1e6:N1} MB in {Elapsed.TotalSeconds:N2} s ({Events / Elapsed.TotalSeconds:N0}/s)";
    }
}
