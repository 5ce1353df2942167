namespace TaskForge.Bench.GraphQL;

/// <summary>bench/graphql-js/data.json as typed records (the same data graphql-js reads as plain objects).</summary>
internal sealed record BenchData(string ViewerId, IReadOnlyList<BenchUser> Users, IReadOnlyList<BenchWorkspace> Workspaces);

internal sealed record BenchUser(string Id, string Name, string Email, string? AvatarUrl, string Role);

internal sealed record BenchWorkspace(string Id, string Name, string Slug, string CreatedAt, IReadOnlyList<string> MemberIds, IReadOnlyList<BenchProject> Projects);

internal sealed record BenchProject(string Id, string Name, string? Description, bool Archived, string CreatedAt, string OwnerId, IReadOnlyList<BenchTask> Tasks);

internal sealed record BenchTask(
    string Id,
    string Title,
    string? Description,
    string Status,
    string Priority,
    double? Estimate,
    string? DueAt,
    string CreatedAt,
    string? AssigneeId,
    string ReporterId,
    IReadOnlyList<BenchLabel> Labels,
    IReadOnlyList<BenchComment> Comments,
    IReadOnlyList<string> WatcherIds);

internal sealed record BenchLabel(string Id, string Name, string Color);

internal sealed record BenchComment(string Id, string Body, string CreatedAt, string AuthorId, IReadOnlyList<BenchReaction> Reactions);

internal sealed record BenchReaction(string Emoji, int Count);
