using System.Collections.Immutable;
using static TaskForge.Domain.Projects.ProjectEvent;

namespace TaskForge.Domain.Projects;

public static partial class ProjectDecider
{
    public static ProjectState Evolve(ProjectState state, ProjectEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is ProjectCreated created)
        {
            return new ProjectState.Created(
                created.ProjectId,
                created.WorkspaceId,
                created.Name,
                created.Description,
                [.. created.Columns],
                ImmutableDictionary<Guid, Guid>.Empty,
                IsArchived: false);
        }

        if (state is not ProjectState.Created project)
            return state;

        return @event switch
        {
            ProjectRenamed e => project with { Name = e.Name },
            ProjectDescriptionChanged e => project with { Description = e.Description },
            ProjectArchived => project with { IsArchived = true },
            ProjectRestored => project with { IsArchived = false },
            ColumnAdded e => project with
            {
                Columns = project.Columns.Insert(Math.Clamp(e.Index, 0, project.Columns.Count), new BoardColumn(e.ColumnId, e.Name)),
            },
            ColumnRenamed e => project with
            {
                Columns = project.Columns.ConvertAll(c => c.ColumnId == e.ColumnId ? c with { Name = e.Name } : c),
            },
            ColumnsReordered e => project with
            {
                Columns = [.. e.ColumnIds.Select(project.Column).OfType<BoardColumn>()],
            },
            ColumnRemoved e => project with
            {
                Columns = project.Columns.RemoveAll(c => c.ColumnId == e.ColumnId),
                RemovedColumns = project.RemovedColumns.SetItem(e.ColumnId, e.TasksMovedToColumnId),
            },
            _ => project,
        };
    }
}
