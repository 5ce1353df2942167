using TaskForge.EventStore;

namespace TaskForge.Bench.Common;

/// <summary>Reads the whole global log in pages: how many events it holds and the last position.</summary>
public static class LogScan
{
    public static async Task<(long Events, long LastPosition)> ToHeadAsync(PostgresEventStore store, int pageSize)
    {
        long after = 0, count = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(after, pageSize);
            if (page.Events.Count == 0)
            {
                return (count, after);
            }

            count += page.Events.Count;
            after = page.Events[^1].Position;
        }
    }
}
