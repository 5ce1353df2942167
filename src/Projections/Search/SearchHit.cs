namespace TaskForge.Projections.Search;

/// <summary>
/// A match: a task (<see cref="Kind"/> "task") or a comment on one ("comment", <see cref="DocumentId"/> the comment's id),
/// with the task's title, a snippet as HTML (its text encoded, the matched words in &lt;b&gt;), and its rank (higher is better).
/// </summary>
public sealed record SearchHit(string Kind, Guid DocumentId, Guid TaskId, Guid ProjectId, Guid WorkspaceId, string TaskTitle, string Snippet, double Rank);
