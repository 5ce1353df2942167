using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Support;

/// <summary>A host's warnings and errors in the test's output, prefixed by the node, so a failing test shows what the daemon did.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output, string node, LogLevel minimum = LogLevel.Warning) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{node}] {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }

    public void Dispose()
    {
    }
}
