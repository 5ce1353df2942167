using TaskForge.EventStore.Reading;

namespace TaskForge.EventStore.Tests;

internal static class LogReader
{
    /// <summary>
    /// Everything after <paramref name="after"/> that was committed before the call. Test classes share one
    /// cluster, whose oldest open transaction holds back visibility (ADR 3), so wait while events are withheld.
    /// </summary>
    public static async Task<List<RecordedEvent>> ReadToHeadAsync(PostgresEventStore store, long after, int pageSize = 1000)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var all = new List<RecordedEvent>();
        while (true)
        {
            var page = await store.ReadAllAsync(after, pageSize, timeout.Token);
            all.AddRange(page.Events);
            if (page.Events.Count > 0)
            {
                after = page.Events[^1].Position;
                continue;
            }

            if (!page.Withheld)
            {
                return all;
            }

            await Task.Delay(5, timeout.Token);
        }
    }
}
