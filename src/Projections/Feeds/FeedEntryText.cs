namespace TaskForge.Projections.Feeds;

/// <summary>What an entry says: the verb, its target and the user it is about, a short summary, and the target's title when the projection has no lookup for it.</summary>
internal sealed record FeedEntryText(string Verb, string TargetType, Guid TargetId, string Summary, Guid? SubjectId = null, string? Title = null);
