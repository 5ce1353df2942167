using Npgsql;

namespace TaskForge.Projections.Daemon;

/// <summary>Where in the batch cycle a <see cref="IProjectionFaultHook"/> is called.</summary>
public enum ProjectionFaultPoint
{
    /// <summary>The transaction is open, nothing written yet.</summary>
    BeforeApply,

    /// <summary>Rows and checkpoint are written, the transaction is not committed.</summary>
    BeforeCommit,

    /// <summary>The transaction committed.</summary>
    AfterCommit,
}

/// <summary>A fault-injection point for crash tests: may throw, cancel, or kill the connection's backend.</summary>
public interface IProjectionFaultHook
{
    Task OnAsync(ProjectionFaultPoint point, string projection, NpgsqlConnection connection, CancellationToken cancellationToken);
}
