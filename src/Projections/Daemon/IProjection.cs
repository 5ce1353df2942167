using Npgsql;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// A projection run by the <see cref="ProjectionDaemon"/>: it owns a set of tables per generation and turns batches of
/// events into rows. The daemon commits what <see cref="ApplyAsync"/> writes together with the checkpoint, so an
/// implementation must write only through the given connection and transaction and must read only its own tables
/// (another projection's tables may be behind or ahead of it).
/// </summary>
public interface IProjection
{
    /// <summary>A stable lower-case name (checkpoints, locks and metrics use it).</summary>
    string Name { get; }

    /// <summary>The shape of the tables and rows. Deploying a new version rebuilds the projection in the background.</summary>
    int Version { get; }

    /// <summary>Base names of the tables; each generation gets <c>{name}_g{n}</c> and readers use the view <c>{name}</c>.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>The DDL creating one generation's tables and indexes (run once per generation).</summary>
    string CreateTablesSql(ProjectionTables tables);

    /// <summary>Writes the effect of the batch's events, in order, through the transaction.</summary>
    Task ApplyAsync(ProjectionBatch batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
