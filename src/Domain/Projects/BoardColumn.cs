namespace TaskForge.Domain.Projects;

/// <summary>A status on a project's board; the id is stable, the name may change.</summary>
public sealed record BoardColumn(Guid ColumnId, string Name);
