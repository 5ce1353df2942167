using System.Collections.Immutable;

namespace TaskForge.Domain.Tasks;

public sealed record TaskDetails(
    Guid TaskId,
    Guid ProjectId,
    Guid WorkspaceId,
    string Title,
    string Description,
    TaskPriority Priority,
    DateTimeOffset? DueDate,
    ImmutableList<string> Labels,
    ImmutableList<Guid> Assignees,
    ImmutableHashSet<Guid> Watchers,
    Guid ColumnId,
    string Position,
    bool IsCompleted)
{
    public bool HasLabel(string label) => Labels.Exists(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
}
