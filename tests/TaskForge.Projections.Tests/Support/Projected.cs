using System.Diagnostics;
using TaskForge.EventStore;
using TaskForge.Projections.Rebuild;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Waits for projections by their checkpoints (never by sleeping a fixed time).</summary>
public static class Projected
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until every named projection's serving generation has applied the log's last event.</summary>
    public static async Task CaughtUpAsync(PostgresEventStore store, ProjectionAdmin admin, params string[] projections)
    {
        var head = await TestLog.HeadAsync(store);
        foreach (var projection in projections)
        {
            await UntilAsync(async () => await admin.GetCheckpointAsync(projection) >= head, $"{projection} to reach {head}");
        }
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
