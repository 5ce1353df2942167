using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TaskForge.Bench.Api;

namespace TaskForge.Bench.Export;

/// <summary>
/// The audit log of a small workspace in a large log: a page over HTTP (through the hash chain's links, ADR 126) beside
/// the header scan the reader ran before, as SQL on the same data, in interleaved rounds.
/// </summary>
internal sealed class SmallWorkspacePages
{
    public const int PageSize = 50;

    public const int Repetitions = 5;

    private const string Query = """
        query($ws: ID!, $first: Int, $order: AuditOrder) {
          auditLog(workspaceId: $ws, first: $first, order: $order) { edges { node { eventId type data } } }
        }
        """;

    private readonly Dictionary<string, List<double>> _timings = [];

    public static async Task<SmallWorkspacePages> MeasureAsync(ApiClient client, string token, NpgsqlDataSource dataSource, Guid workspaceId, string workspaceGlobalId, int rounds)
    {
        var measured = new SmallWorkspacePages();
        await using var mark = dataSource.CreateCommand("SELECT last_seq_id FROM taskforge.mt_event_progression WHERE name = 'HighWaterMark'");
        var through = (long)(await mark.ExecuteScalarAsync())!;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (order, sql) in new[] { ("NEWEST_FIRST", "DESC"), ("OLDEST_FIRST", "ASC") })
            {
                for (var i = 0; i < Repetitions; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var data = await client.PostAsync(token, Query, new { ws = workspaceGlobalId, first = PageSize, order });
                    measured.Add($"auditLog first page, {order}", watch.Elapsed, data.GetProperty("auditLog").GetProperty("edges").GetArrayLength());
                    measured.Add($"header scan before ADR 126 (SQL), {order}", await HeaderScanAsync(dataSource, workspaceId, through, sql), PageSize);
                }
            }
        }

        return measured;
    }

    public IReadOnlyList<IReadOnlyList<string>> Rows() => [.. _timings.Select(t => (IReadOnlyList<string>)[t.Key, F1(Median(t.Value)), F1(t.Value.Max())])];

    private static async Task<TimeSpan> HeaderScanAsync(NpgsqlDataSource dataSource, Guid workspaceId, long through, string direction)
    {
        var watch = Stopwatch.StartNew();
        await using var command = dataSource.CreateCommand(
            "SELECT seq_id, id, type, stream_id, version, timestamp, correlation_id, causation_id, headers::text, data::text FROM taskforge.mt_events " +
            $"WHERE headers ->> 'workspace-id' = $1 AND seq_id <= $2 ORDER BY seq_id {direction} LIMIT {PageSize}");
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = through });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
            rows++;
        if (rows != PageSize)
            throw new InvalidOperationException($"the header scan read {rows} rows, not {PageSize}");
        return watch.Elapsed;
    }

    private void Add(string name, TimeSpan elapsed, int rows)
    {
        if (rows != PageSize)
            throw new InvalidOperationException($"{name} returned {rows} entries, not {PageSize}");
        if (!_timings.TryGetValue(name, out var list))
            _timings[name] = list = [];
        list.Add(elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string F1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
}
