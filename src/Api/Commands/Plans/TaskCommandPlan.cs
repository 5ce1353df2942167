using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

public sealed class TaskCommandPlan(TaskCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is TaskCommand.CreateTask ? command.TaskId : null;

    internal override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var batch = loader.Batch();
        var task = batch.Add<TaskState, TaskEvent>(command.StreamId, TaskDecider.Initial, TaskDecider.Evolve, created: CreatedId is not null);
        var workspace = batch.Add<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(command.WorkspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve);
        var project = batch.Add<ProjectState, ProjectEvent>(StreamIds.Project(command.ProjectId), ProjectDecider.Initial, ProjectDecider.Evolve);
        await batch.LoadAsync(cancellationToken);
        var target = task.Value;
        var context = new TaskContext(workspace.Value.State, project.Value.State);
        return DecisionAttempt.From(task, TaskDecider.Decide(command, target.State, context));
    }
}
