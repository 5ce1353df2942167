using static TaskForge.Domain.Projects.ProjectCommand;
using static TaskForge.Domain.Projects.ProjectEvent;

namespace TaskForge.Domain.Projects;

public static partial class ProjectDecider
{
    private static DomainError? ValidateBoard(IReadOnlyList<BoardColumn> requested, out IReadOnlyList<BoardColumn> columns)
    {
        columns = [];
        if (requested.Count > InputLimits.ColumnsPerBoard)
            return DomainError.Validation($"columns: a board has at most {InputLimits.ColumnsPerBoard} columns (got {requested.Count}).", "columns");
        var valid = new List<BoardColumn>(requested.Count);
        foreach (var column in requested)
        {
            if (column is null)
                return DomainError.Validation("columns must not contain null.", "columns");
            if (TextInput.SingleLine("column name", column.Name, InputLimits.ColumnNameMaxLength, out var name) is { } error)
                return error with { Field = "columns" };
            if (valid.Exists(c => c.ColumnId == column.ColumnId))
                return DomainError.Validation($"columns: the column id {column.ColumnId} appears twice.", "columns");
            if (valid.Exists(c => SameName(c.Name, name)))
                return DomainError.Validation($"columns: the column name \"{name}\" appears twice.", "columns");
            valid.Add(column with { Name = name });
        }

        columns = valid;
        return null;
    }

    private static Decision<ProjectEvent> Add(AddColumn c, ProjectState.Created project)
    {
        if (TextInput.SingleLine("column name", c.Name, InputLimits.ColumnNameMaxLength, out var name) is { } error)
            return error with { Field = "name" };
        if (project.Column(c.ColumnId) is { } existing)
        {
            return existing.Name == name && (c.Index is null || project.Columns.IndexOf(existing) == c.Index)
                ? Decision<ProjectEvent>.None
                : new DomainError(ErrorCodes.AlreadyExists, "A column with this id already exists.");
        }

        if (project.RemovedColumns.ContainsKey(c.ColumnId))
            return new DomainError(ErrorCodes.AlreadyExists, "A column with this id existed and was removed; use a new id.");
        if (project.Columns.Exists(col => SameName(col.Name, name)))
            return new DomainError(ErrorCodes.AlreadyExists, $"The board already has a column named \"{name}\".", "name");
        if (project.Columns.Count >= InputLimits.ColumnsPerBoard)
            return DomainError.Validation($"columns: a board has at most {InputLimits.ColumnsPerBoard} columns.");
        var index = c.Index ?? project.Columns.Count;
        if (index < 0 || index > project.Columns.Count)
            return DomainError.Validation($"index must be between 0 and {project.Columns.Count}.", "index");
        return new ColumnAdded(c.ProjectId, c.WorkspaceId, c.ColumnId, name, index);
    }

    private static Decision<ProjectEvent> Rename(RenameColumn c, ProjectState.Created project)
    {
        if (TextInput.SingleLine("column name", c.Name, InputLimits.ColumnNameMaxLength, out var name) is { } error)
            return error with { Field = "name" };
        if (project.Column(c.ColumnId) is not { } column)
            return NotOnBoard(c.ColumnId, "columnId");
        if (column.Name == name)
            return Decision<ProjectEvent>.None;
        if (project.Columns.Exists(other => other.ColumnId != c.ColumnId && SameName(other.Name, name)))
            return new DomainError(ErrorCodes.AlreadyExists, $"The board already has a column named \"{name}\".", "name");
        return new ColumnRenamed(c.ProjectId, c.WorkspaceId, c.ColumnId, name);
    }

    private static Decision<ProjectEvent> Reorder(ReorderColumns c, ProjectState.Created project)
    {
        var order = c.ColumnIds ?? [];
        var current = project.Columns.Select(col => col.ColumnId).ToList();
        if (order.Count != current.Count || order.Distinct().Count() != order.Count || !order.All(current.Contains))
            return DomainError.Validation("columnIds must list every column of the board exactly once.", "columnIds");
        return order.SequenceEqual(current)
            ? Decision<ProjectEvent>.None
            : new ColumnsReordered(c.ProjectId, c.WorkspaceId, [.. order]);
    }

    private static Decision<ProjectEvent> Remove(RemoveColumn c, ProjectState.Created project)
    {
        if (!project.HasColumn(c.ColumnId))
            return project.RemovedColumns.ContainsKey(c.ColumnId) ? Decision<ProjectEvent>.None : NotOnBoard(c.ColumnId, "columnId");
        if (project.Columns.Count == 1)
            return DomainError.Validation("columnId: a board needs at least one column.", "columnId");
        if (c.TasksInColumn < 0)
            return DomainError.Validation("tasksInColumn must not be negative.");
        if (c.TargetColumnId is { } target && target == c.ColumnId)
            return DomainError.Validation("targetColumnId must differ from the removed column.", "targetColumnId");
        if (c.TargetColumnId is { } missing && !project.HasColumn(missing))
            return NotOnBoard(missing, "targetColumnId");
        if (c.TargetColumnId is null && c.TasksInColumn > 0)
        {
            return new DomainError(
                ErrorCodes.ColumnNotEmpty,
                $"The column holds {c.TasksInColumn} task(s); name a target column to move them to.");
        }

        // A stale task count must not orphan tasks: they go to the first remaining column.
        var movedTo = c.TargetColumnId ?? project.Columns.First(col => col.ColumnId != c.ColumnId).ColumnId;
        return new ColumnRemoved(c.ProjectId, c.WorkspaceId, c.ColumnId, movedTo);
    }

    private static DomainError NotOnBoard(Guid columnId, string field) =>
        new(ErrorCodes.StatusNotOnBoard, $"The column {columnId} is not on this project's board.", field);

    private static bool SameName(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
