namespace TaskForge.Api.Schema;

/// <summary>The read models each kind of payload reads, for <see cref="ProjectionWaiter"/> (every reader filters by membership).</summary>
public static class ReadModelNames
{
    public static readonly IReadOnlyCollection<string> Workspace = ["membership"];
    public static readonly IReadOnlyCollection<string> Project = ["membership", "board"];
    public static readonly IReadOnlyCollection<string> Task = ["membership", "board", "tasks"];
    public static readonly IReadOnlyCollection<string> Comment = ["membership", "board", "tasks"];
    public static readonly IReadOnlyCollection<string> Inbox = ["membership", "notifications"];

    /// <summary>Every read model: what a query with <c>X-Min-Event-Id</c> waits for.</summary>
    public static readonly IReadOnlyCollection<string> All = [];
}
