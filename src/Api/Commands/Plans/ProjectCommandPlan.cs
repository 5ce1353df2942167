using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

public sealed class ProjectCommandPlan(ProjectCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is ProjectCommand.CreateProject ? command.ProjectId : null;

    internal override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var batch = loader.Batch();
        var project = batch.Add<ProjectState, ProjectEvent>(command.StreamId, ProjectDecider.Initial, ProjectDecider.Evolve, created: CreatedId is not null);
        var workspace = batch.Add<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(command.WorkspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve);
        await batch.LoadAsync(cancellationToken);
        var target = project.Value;
        return DecisionAttempt.From(project, ProjectDecider.Decide(command, target.State, workspace.Value.State));
    }
}
