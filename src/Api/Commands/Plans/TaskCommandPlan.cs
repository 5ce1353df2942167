using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

internal sealed class TaskCommandPlan(TaskCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is TaskCommand.CreateTask ? command.TaskId : null;

    public override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var task = loader.LoadAsync<TaskState, TaskEvent>(
            command.StreamId, TaskDecider.Initial, TaskDecider.Evolve, cancellationToken);
        var workspace = loader.LoadAsync<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(command.WorkspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve, cancellationToken);
        var project = loader.LoadAsync<ProjectState, ProjectEvent>(
            StreamIds.Project(command.ProjectId), ProjectDecider.Initial, ProjectDecider.Evolve, cancellationToken);
        await Task.WhenAll(task, workspace, project);
        var target = await task;
        var context = new TaskContext((await workspace).State, (await project).State);
        return DecisionAttempt.From(target.Version, TaskDecider.Decide(command, target.State, context));
    }
}
