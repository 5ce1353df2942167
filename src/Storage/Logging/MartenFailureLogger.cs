using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TaskForge.Storage.Logging;

/// <summary>
/// Marten's logger for TaskForge (ADR 0143). Marten's default writes every failed command at Error with its stack and
/// its parameter values, once per command of a batch. But most failures here are answers a caller expects and turns
/// into a typed result: a stale version (CONFLICT, or a retry), a unique violation (an email already taken, an
/// idempotency key already used, two first appends of one stream). Those go out at Debug as one line. Any other failure
/// stays an Error with its exception and SQL, and never with parameter values: they can hold emails, token hashes and
/// documents.
/// </summary>
public sealed partial class MartenFailureLogger(ILogger logger, IEnumerable<string> expectedSqlStates) : IMartenLogger, IMartenSessionLogger
{
    /// <summary>SQLSTATEs every TaskForge caller handles: unique_violation and Marten's stream version mismatch.</summary>
    public static readonly IReadOnlyList<string> HandledByCallers = [PostgresErrorCodes.UniqueViolation, "MT003"];

    private readonly HashSet<string> _expected = [.. expectedSqlStates];

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => LogSchemaChange(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(command);
        Failure(command.CommandText, ex);
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Failure(string.Join(Environment.NewLine, batch.BatchCommands.Select((NpgsqlBatchCommand c) => c.CommandText)), ex);
    }

    public void LogFailure(Exception ex, string message) => Failure(message, ex);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Failure(string sql, Exception exception)
    {
        if (PostgresErrorOf(exception) is { } postgres && _expected.Contains(postgres.SqlState))
            LogExpected(logger, postgres.SqlState, postgres.ConstraintName ?? "", postgres.MessageText);
        else
            LogUnexpected(logger, exception, sql);
    }

    private static PostgresException? PostgresErrorOf(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
                return postgres;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marten changed the schema:\n{Sql}")]
    private static partial void LogSchemaChange(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A write was refused as its caller expects ({SqlState} {Constraint}): {Reason}")]
    private static partial void LogExpected(ILogger logger, string sqlState, string constraint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten's command failed:\n{Sql}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string sql);
}
