using System.Diagnostics;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>Waits on a condition (checked every few milliseconds, for at most a bounded time), never a fixed sleep.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > (timeout ?? TimeSpan.FromSeconds(60)))
                throw new TimeoutException($"Timed out waiting for {what}." + (describe is null ? "" : " " + describe()));
            await Task.Delay(10);
        }
    }

    /// <summary>Waits on a condition that must itself do I/O (a probe of another process), checked every <paramref name="interval"/>.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string what, TimeSpan timeout, TimeSpan interval, Func<string>? describe = null)
        where T : struct
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (Stopwatch.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"Timed out waiting for {what}." + (describe is null ? "" : " " + describe()));
            await Task.Delay(interval);
        }
    }
}
