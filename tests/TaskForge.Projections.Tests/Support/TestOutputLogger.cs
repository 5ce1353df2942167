using Microsoft.Extensions.Logging;
using TaskForge.Projections.Daemon;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Daemon logs into the test's output, so a failing test shows what the daemon did.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output) : ILogger<ProjectionDaemon>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }
}
