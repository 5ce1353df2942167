using System.Data.Common;
using JasperFx.Events;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Storage;

namespace TaskForge.Api.Commands.Appending;

/// <summary>
/// A SQL statement a session runs before its event appends, in their transaction (ADR 0144). Marten sends the event
/// operations of a unit of work first and the rest (<c>QueueSqlCommand</c> among them) after; an operation that says its
/// document type is <see cref="IEvent"/> is sent with the events, in the order it was queued. A check queued this way
/// before <c>Events.Append</c> refuses the append before Marten's append function takes sequence numbers, so a refused
/// command leaves no gap for the daemon to wait out. Its one result row is read past (no NoDataReturnedCall marker), so
/// the append's own result comes next.
/// </summary>
internal sealed class BeforeAppendSql(string sql, params (object Value, NpgsqlDbType Type)[] values) : Marten.Internal.Operations.IStorageOperation
{
    public Type DocumentType => typeof(IEvent);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, IStorageSession session)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parameters = builder.AppendWithParameters(sql, '?');
        if (parameters.Length != values.Length)
            throw new InvalidOperationException($"'{sql}' has {parameters.Length} placeholders for {values.Length} values.");
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].NpgsqlDbType = values[i].Type;
            parameters[i].Value = values[i].Value;
        }
    }

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public OperationRole Role() => OperationRole.Other;
}
