using TaskForge.Api.Commands.Loading;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

public sealed class WorkspaceCommandPlan(WorkspaceCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is WorkspaceCommand.CreateWorkspace ? command.WorkspaceId : null;

    internal override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var batch = loader.Batch();
        var workspace = batch.Add<WorkspaceState, WorkspaceEvent>(command.StreamId, WorkspaceDecider.Initial, WorkspaceDecider.Evolve, created: CreatedId is not null);
        await batch.LoadAsync(cancellationToken);
        return DecisionAttempt.From(workspace, WorkspaceDecider.Decide(command, workspace.Value.State));
    }
}
