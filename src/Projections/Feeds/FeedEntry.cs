namespace TaskForge.Projections.Feeds;

/// <summary>
/// One line of a user's activity feed: who did what to which target (its title at the time), a short summary, when,
/// and the global id of the event it came from (<see cref="Position"/>, also the pagination cursor).
/// </summary>
public sealed record FeedEntry(
    long Position,
    Guid WorkspaceId,
    Guid? ActorId,
    string Verb,
    string TargetType,
    Guid TargetId,
    string TargetTitle,
    Guid? SubjectId,
    string Summary,
    DateTimeOffset OccurredAt);

/// <summary>A page of a feed, newest first; pass <see cref="NextBefore"/> as the cursor for the next page (null: no more).</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long? NextBefore);
