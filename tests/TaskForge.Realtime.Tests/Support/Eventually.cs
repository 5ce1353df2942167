using System.Diagnostics;

namespace TaskForge.Realtime.Tests.Support;

/// <summary>Waits on a condition (checked every few milliseconds), never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task<string>>? describe = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > (timeout ?? Timeout))
                throw new TimeoutException($"Timed out waiting for {what}." + (describe is null ? "" : " " + await describe()));
            await Task.Delay(10);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
