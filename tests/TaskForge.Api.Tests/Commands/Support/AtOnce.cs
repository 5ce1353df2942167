namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>Races: starts every attempt on its own thread-pool task, then releases them together.</summary>
public static class AtOnce
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await attempt(i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }
}
