using System.Diagnostics;
using Npgsql;
using TaskForge.Projections.Admin;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Waits for projections by their progression (never by sleeping a fixed time).</summary>
public static class Projected
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until every projection of the admin has applied the log's last event.</summary>
    public static async Task CaughtUpAsync(NpgsqlDataSource dataSource, ProjectionAdmin admin, string schema)
    {
        var head = await TestLog.HeadAsync(dataSource, schema);
        await UntilAsync(async () => (await admin.ListAsync()).All(p => p.Progression >= head), $"every projection to reach {head}");
    }

    /// <summary>Polls a condition on the database, checking about every 20 ms, and fails after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > (timeout ?? Timeout))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
