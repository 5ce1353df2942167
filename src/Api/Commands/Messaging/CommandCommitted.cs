namespace TaskForge.Api.Commands.Messaging;

/// <summary>
/// Published through Wolverine's transactional outbox in the transaction that appends a command's events: it exists
/// exactly when the events do, and it is delivered even when the process dies right after the commit (guarantee 8).
/// Background work (email, webhooks, reminders) hangs off it through <see cref="ICommitObserver"/>; it is written only
/// when at least one observer is registered.
/// </summary>
public sealed record CommandCommitted(
    Guid CommandId,
    string CommandType,
    string StreamId,
    long StreamVersion,
    IReadOnlyList<Guid> EventIds,
    IReadOnlyList<string> EventTypes,
    Guid ActorId,
    Guid? WorkspaceId);
