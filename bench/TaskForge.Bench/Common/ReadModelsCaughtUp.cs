using Npgsql;
using TaskForge.Projections.Storage;
using TaskForge.Projections.Versions;

namespace TaskForge.Bench.Common;

/// <summary>Waits until every read model (each projection's `:All` progression row) has processed the log up to a position.</summary>
public static class ReadModelsCaughtUp
{
    public static async Task WaitAsync(NpgsqlDataSource dataSource, long position, TimeSpan poll)
    {
        var progress = new ProjectionProgress(new ReadModelDatabase(dataSource, "taskforge"));
        while ((await progress.ReadAsync()).Where(p => p.Key.EndsWith(":All", StringComparison.Ordinal)).Any(p => p.Value < position))
            await Task.Delay(poll);
    }
}
