using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

public sealed class CommentCommandPlan(CommentCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is CommentCommand.AddComment ? command.CommentId : null;

    internal override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var batch = loader.Batch();
        var comment = batch.Add<CommentState, CommentEvent>(command.StreamId, CommentDecider.Initial, CommentDecider.Evolve, created: CreatedId is not null);
        var workspace = batch.Add<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(command.WorkspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve);
        var task = batch.Add<TaskState, TaskEvent>(StreamIds.Task(command.TaskId), TaskDecider.Initial, TaskDecider.Evolve);
        await batch.LoadAsync(cancellationToken);
        var target = comment.Value;
        var context = new CommentContext(workspace.Value.State, task.Value.State);
        return DecisionAttempt.From(comment, CommentDecider.Decide(command, target.State, context));
    }
}
