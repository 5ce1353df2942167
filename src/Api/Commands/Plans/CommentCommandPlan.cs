using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Commands.Plans;

internal sealed class CommentCommandPlan(CommentCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => command.WorkspaceId;

    public override DateTimeOffset Now => command.Now;

    public override Guid? CreatedId => command is CommentCommand.AddComment ? command.CommentId : null;

    public override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var comment = loader.LoadAsync<CommentState, CommentEvent>(
            command.StreamId, CommentDecider.Initial, CommentDecider.Evolve, cancellationToken);
        var workspace = loader.LoadAsync<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(command.WorkspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve, cancellationToken);
        var task = loader.LoadAsync<TaskState, TaskEvent>(
            StreamIds.Task(command.TaskId), TaskDecider.Initial, TaskDecider.Evolve, cancellationToken);
        await Task.WhenAll(comment, workspace, task);
        var target = await comment;
        var context = new CommentContext((await workspace).State, (await task).State);
        return DecisionAttempt.From(target.Version, CommentDecider.Decide(command, target.State, context));
    }
}
