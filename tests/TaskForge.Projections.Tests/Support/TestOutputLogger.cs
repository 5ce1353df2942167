using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Support;

/// <summary>A host's warnings and errors in the test's output, prefixed by the node, so a failing test shows what the daemon did.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output, string node, LogLevel minimum = LogLevel.Warning) : ILoggerProvider, ILogger
{
    private const int MaxLines = 200; // Marten logs every statement of a failed batch: keep the output readable
    private int _lines;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var line = Interlocked.Increment(ref _lines);
        if (line > MaxLines)
            return;
        try
        {
            var message = formatter(state, exception).Split('\n')[0];
            output.WriteLine(line == MaxLines
                ? $"[{node}] (further log lines left out)"
                : $"{DateTime.UtcNow:HH:mm:ss.fff} [{node}] {logLevel}: {message}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message.Split('\n')[0])}");
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
