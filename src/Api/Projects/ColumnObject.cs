using TaskForge.Projections.Board;

namespace TaskForge.Api.Projects;

/// <summary>A board column as GraphQL serves it: with the ids that locate it.</summary>
public sealed record ColumnObject(Guid WorkspaceId, Guid ProjectId, BoardColumnView Column);
