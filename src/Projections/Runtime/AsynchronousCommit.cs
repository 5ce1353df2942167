using TaskForge.Projections.Storage;

namespace TaskForge.Projections.Runtime;

/// <summary>
/// The statement that makes the daemon's projection transaction commit without waiting for its WAL flush. <c>SET LOCAL</c>
/// lasts to the end of that transaction only: the event appends of the command path keep their synchronous commit.
/// </summary>
internal static class AsynchronousCommit
{
    public const string Sql = "SET LOCAL synchronous_commit TO OFF";

    public static SqlStatementOperation Operation { get; } = new(Sql, []);
}
