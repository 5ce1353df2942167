using static TaskForge.Domain.Projects.ProjectCommand;
using static TaskForge.Domain.Projects.ProjectEvent;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Projects;

public static partial class ProjectDecider
{
    public static ProjectState Initial => ProjectState.Initial;

    public static Decision<ProjectEvent> Decide(ProjectCommand command, ProjectState state, WorkspaceState workspace)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(workspace);
        if (WorkspaceAccess.Require(workspace, command.WorkspaceId, command.ActorId, WorkspaceRoles.CanManage, "manage projects") is { } denied)
            return denied;
        if (command is CreateProject create)
            return Create(create, state);
        if (state is not ProjectState.Created project || project.WorkspaceId != command.WorkspaceId || project.ProjectId != command.ProjectId)
            return DomainError.NotFound("Project");
        if (project.IsArchived && command is not (ArchiveProject or RestoreProject))
            return new DomainError(ErrorCodes.Archived, "The project is archived; restore it before changing it.");

        return command switch
        {
            RenameProject c => Rename(c, project),
            DescribeProject c => Describe(c, project),
            ArchiveProject c => project.IsArchived ? Decision<ProjectEvent>.None : new ProjectArchived(c.ProjectId, c.WorkspaceId),
            RestoreProject c => project.IsArchived ? new ProjectRestored(c.ProjectId, c.WorkspaceId) : Decision<ProjectEvent>.None,
            AddColumn c => Add(c, project),
            RenameColumn c => Rename(c, project),
            ReorderColumns c => Reorder(c, project),
            RemoveColumn c => Remove(c, project),
            _ => DomainError.Validation($"Unknown project command {command.GetType().Name}."),
        };
    }

    private static Decision<ProjectEvent> Create(CreateProject c, ProjectState state)
    {
        if (state is not ProjectState.NotCreated)
            return new DomainError(ErrorCodes.AlreadyExists, "A project with this id already exists.");
        if (TextInput.SingleLine("name", c.Name, InputLimits.NameMaxLength, out var name) is { } nameError)
            return nameError;
        if (TextInput.MultiLine("description", c.Description, InputLimits.DescriptionMaxLength, allowEmpty: true, out var description) is { } descriptionError)
            return descriptionError;
        if (ValidateBoard(c.Columns is { Count: > 0 } given ? given : DefaultBoard.For(c.ProjectId), out var columns) is { } boardError)
            return boardError;
        return new ProjectCreated(c.ProjectId, c.WorkspaceId, name, description, columns);
    }

    private static Decision<ProjectEvent> Rename(RenameProject c, ProjectState.Created project)
    {
        if (TextInput.SingleLine("name", c.Name, InputLimits.NameMaxLength, out var name) is { } error)
            return error;
        return name == project.Name ? Decision<ProjectEvent>.None : new ProjectRenamed(c.ProjectId, c.WorkspaceId, name);
    }

    private static Decision<ProjectEvent> Describe(DescribeProject c, ProjectState.Created project)
    {
        if (TextInput.MultiLine("description", c.Description, InputLimits.DescriptionMaxLength, allowEmpty: true, out var description) is { } error)
            return error;
        return description == project.Description
            ? Decision<ProjectEvent>.None
            : new ProjectDescriptionChanged(c.ProjectId, c.WorkspaceId, description);
    }
}
