using Microsoft.Extensions.Logging;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Completes <see cref="Logged"/> when the daemon logs an exception of type <typeparamref name="T"/>.</summary>
public sealed class RecordingLogger<T> : ILogger<ProjectionDaemon>
    where T : Exception
{
    private readonly TaskCompletionSource<T> _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Logged => _logged.Task.WaitAsync(Projected.Timeout);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is T expected)
        {
            _logged.TrySetResult(expected);
        }
    }
}
