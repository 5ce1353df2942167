namespace TaskForge.Projections.Daemon;

/// <summary>Settings of the projection daemon.</summary>
public sealed record ProjectionDaemonOptions
{
    /// <summary>The schema of the read models and the daemon's control tables; null uses the event store's schema.</summary>
    public string? Schema { get; init; }

    /// <summary>The most events applied in one transaction when the projection is behind (see <see cref="TargetTransactionDuration"/>).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// How long one batch's transaction should stay open at most: the batch size halves after a longer one and grows
    /// back after short ones (an open transaction holds back the log's visibility horizon for every reader).
    /// </summary>
    public TimeSpan TargetTransactionDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Attempts at an event that fails before it is parked.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The pause before the next attempt at a failing event (times the attempt number).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a node that is not the leader of a projection tries to take the lock.</summary>
    public TimeSpan LeaderRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader checks that its lock connection is alive.</summary>
    public TimeSpan LockCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader looks for rebuild and replay requests.</summary>
    public TimeSpan ControlPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause before reading again when committed events wait behind an older open transaction.</summary>
    public TimeSpan WithheldRetryDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The pause after a failure of the database connection before starting over.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether a projection's commit waits for its WAL flush. Off by default: a server crash can lose the last projection
    /// commits, but each loses its rows and its checkpoint together, so the projection re-applies those events (ADR 0062).
    /// </summary>
    public bool SynchronousCommit { get; init; }

    /// <summary>Called at points of the batch cycle; crash tests use it to break the daemon there.</summary>
    public IProjectionFaultHook? FaultHook { get; init; }
}
