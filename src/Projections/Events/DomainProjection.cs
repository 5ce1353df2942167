using Npgsql;
using TaskForge.Domain;
using TaskForge.EventStore.Serialization;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Events;

/// <summary>
/// A projection of domain events planned as SQL: each event adds statements to one <see cref="SqlBatch"/>, and the
/// whole batch goes to PostgreSQL in one round trip (statements run in order, each seeing the rows of the ones before).
/// Events of types the domain does not know, or of families the projection does not read, are skipped.
/// </summary>
public abstract class DomainProjection : IProjection
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _handled = new(StringComparer.Ordinal);

    public static JsonEventSerializer Serializer { get; } = new(DomainEventTypes.ByName);

    public abstract string Name { get; }

    public abstract int Version { get; }

    public abstract IReadOnlyList<string> Tables { get; }

    public abstract string CreateTablesSql(ProjectionTables tables);

    /// <summary>The event base types (e.g. <c>TaskEvent</c>) this projection reads; events of other types are not even deserialized.</summary>
    protected abstract IReadOnlyList<Type> EventFamilies { get; }

    public async Task ApplyAsync(ProjectionBatch batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = new SqlBatch();
        foreach (var recorded in batch.Events)
        {
            if (Handles(recorded.Type))
            {
                Plan(new ProjectedEvent(recorded, Serializer.Deserialize(recorded)), batch.Tables, sql);
            }
        }

        await sql.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private bool Handles(string typeName) =>
        _handled.GetOrAdd(typeName, name => DomainEventTypes.TypeOf(name) is { } type && EventFamilies.Any(type.IsAssignableTo));

    /// <summary>Adds the statements that apply one event.</summary>
    protected abstract void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql);
}
