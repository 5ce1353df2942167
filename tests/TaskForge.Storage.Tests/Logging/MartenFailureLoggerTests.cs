using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Storage.Logging;

namespace TaskForge.Storage.Tests.Logging;

/// <summary>Marten's failures as TaskForge logs them: expected refusals quietly, the rest as errors, never with parameter values.</summary>
public sealed class MartenFailureLoggerTests
{
    private readonly Recording _log = new();

    private MartenFailureLogger Logger => new(_log, [.. MartenFailureLogger.HandledByCallers, "TF409"]);

    [Theory]
    [InlineData("23505")]
    [InlineData("MT003")]
    [InlineData("TF409")]
    public void A_refusal_its_caller_handles_is_one_debug_line_without_the_stack_or_the_parameters(string sqlState)
    {
        using var command = Command();
        Logger.LogFailure(command, new InvalidOperationException("wrapped", new PostgresException("duplicate key value", "ERROR", "ERROR", sqlState)));

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains(sqlState, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-parameter", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_failure_is_an_error_with_its_exception_and_sql_but_not_its_parameter_values()
    {
        using var command = Command();
        var failure = new PostgresException("division by zero", "ERROR", "ERROR", "22012");
        Logger.LogFailure(command, failure);

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
        Assert.Contains("insert into accounts", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-parameter", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_batch_is_one_entry_not_one_per_command()
    {
        using var batch = new NpgsqlBatch { BatchCommands = { new NpgsqlBatchCommand("select 1"), new NpgsqlBatchCommand("select 2") } };
        Logger.LogFailure(batch, new TimeoutException("the server went away"));

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("select 1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("select 2", entry.Message, StringComparison.Ordinal);
    }

    private static NpgsqlCommand Command() =>
        new("insert into accounts (email, token_hash) values ($1, $2)") { Parameters = { new() { Value = "ada@example.com" }, new() { Value = "secret-parameter" } } };

    private sealed class Recording : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
