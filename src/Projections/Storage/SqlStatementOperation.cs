using System.Data.Common;
using System.Text;
using Weasel.Core;
using Weasel.Storage;

namespace TaskForge.Projections.Storage;

/// <summary>
/// One planned statement queued on a Marten session, so it runs in the session's transaction (for the daemon: the one
/// that also moves the projection's progression). The statement's positional references (<c>$1</c>, <c>$2</c>, a
/// reference used twice) become parameters of Marten's batch.
/// </summary>
internal sealed class SqlStatementOperation(string sql, object?[] values) : global::Marten.Internal.Operations.IStorageOperation, NoDataReturnedCall
{
    // Marten makes sure the storage of an operation's document type exists; StorageFeatures is the type its own raw SQL operations name.
    public Type DocumentType => typeof(global::Marten.Storage.StorageFeatures);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, IStorageSession session)
    {
        var text = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '$' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                var start = ++i;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                    i++;
                var index = int.Parse(sql.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture) - 1;
                builder.Append(text.ToString());
                text.Clear();
                builder.AppendParameter(Sql.Parameter(values[index]).Value!);
                continue;
            }

            text.Append(sql[i++]);
        }

        builder.Append(text.ToString());
    }

    public OperationRole Role() => OperationRole.Other;

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;
}
