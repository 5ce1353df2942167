using TaskForge.Api.Commands;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Bench.Commands;

/// <summary>A workspace with an owner and a project, and tasks created through the command handler.</summary>
internal sealed class BenchBoard(CommandHandler handler)
{
    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public Guid ProjectId { get; } = Guid.NewGuid();

    public Guid Owner { get; } = Guid.NewGuid();

    public async Task CreateAsync()
    {
        Must(await handler.HandleAsync(new WorkspaceCommand.CreateWorkspace(Owner, DateTimeOffset.UtcNow, WorkspaceId, "Bench", "owner@example.com")));
        Must(await handler.HandleAsync(new ProjectCommand.CreateProject(Owner, DateTimeOffset.UtcNow, WorkspaceId, ProjectId, "Bench project")));
    }

    public async Task<Guid> NewTaskAsync()
    {
        var taskId = Guid.NewGuid();
        Must(await handler.HandleAsync(new TaskCommand.CreateTask(Owner, DateTimeOffset.UtcNow, WorkspaceId, ProjectId, taskId, "Bench task")));
        return taskId;
    }

    public TaskCommand.RenameTask Rename(Guid taskId, long i) =>
        new(Owner, DateTimeOffset.UtcNow, WorkspaceId, ProjectId, taskId, $"Write the quarterly report, draft {i}");

    public static void Must(CommandResult result)
    {
        if (result is CommandResult.Failed failed)
            throw new InvalidOperationException($"bench setup failed: {failed.Code} {failed.Error.Message}");
    }
}
