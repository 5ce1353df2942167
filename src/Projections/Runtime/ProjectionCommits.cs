namespace TaskForge.Projections.Runtime;

/// <summary>How a projection's transaction (its read-model rows and its progression) commits.</summary>
public enum ProjectionCommits
{
    /// <summary>
    /// Without waiting for the WAL flush (<c>synchronous_commit = off</c> for that transaction only, ADR 0102): a crash can
    /// undo the last few projection transactions, rows and progression together, and the daemon projects them again.
    /// </summary>
    Asynchronous,

    /// <summary>Each projection transaction waits for its WAL flush, as PostgreSQL's default does.</summary>
    Synchronous,
}
