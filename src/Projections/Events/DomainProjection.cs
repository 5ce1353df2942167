using Npgsql;
using TaskForge.Domain;
using TaskForge.EventStore.Serialization;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Events;

/// <summary>
/// A projection of domain events planned as SQL: each event adds statements to one <see cref="SqlBatch"/>, and the
/// whole batch goes to PostgreSQL in one round trip (statements run in order, each seeing the rows of the ones before).
/// Events of types the domain does not know are skipped.
/// </summary>
public abstract class DomainProjection : IProjection
{
    public static JsonEventSerializer Serializer { get; } = new(DomainEventTypes.ByName);

    public abstract string Name { get; }

    public abstract int Version { get; }

    public abstract IReadOnlyList<string> Tables { get; }

    public abstract string CreateTablesSql(ProjectionTables tables);

    public async Task ApplyAsync(ProjectionBatch batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = new SqlBatch();
        foreach (var recorded in batch.Events)
        {
            if (Serializer.IsKnown(recorded.Type))
            {
                Plan(new ProjectedEvent(recorded, Serializer.Deserialize(recorded)), batch.Tables, sql);
            }
        }

        await sql.ExecuteAsync(connection, transaction, cancellationToken);
    }

    /// <summary>Adds the statements that apply one event.</summary>
    protected abstract void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql);
}
