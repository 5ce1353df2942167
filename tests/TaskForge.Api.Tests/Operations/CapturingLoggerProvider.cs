using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TaskForge.Api.Tests.Operations;

/// <summary>Keeps every log entry with the scope fields it was written in, as the console formatters see them.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, string?> Scope, LogLevel Level, string? Exception = null);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, string?>();
            provider._scopes.ForEachScope((scope, into) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs)
                        into[key] = value?.ToString();
            }, fields);
            provider.Entries.Enqueue(new Entry(category, formatter(state, exception), fields, logLevel, exception?.ToString()));
        }
    }
}
