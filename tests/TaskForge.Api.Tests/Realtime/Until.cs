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
}
