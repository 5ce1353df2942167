using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Audit;

/// <summary>
/// How a stream's events fold into its aggregate's state: the decider's Initial and Evolve, chosen by the stream id's
/// prefix (<see cref="Domain.StreamIds"/>). Inboxes are not folded for auditors: they are a person's, not a workspace's.
/// </summary>
internal sealed class StreamFold
{
    private readonly Func<object, object, object> _evolve;

    private StreamFold(object initial, Func<object, object, object> evolve)
    {
        Initial = initial;
        _evolve = evolve;
    }

    public object Initial { get; }

    public object Evolve(object state, object @event) => _evolve(state, @event);

    public static StreamFold? For(string streamId) =>
        streamId.StartsWith("task-", StringComparison.Ordinal) ? Of<TaskState, TaskEvent>(TaskDecider.Initial, TaskDecider.Evolve)
        : streamId.StartsWith("project-", StringComparison.Ordinal) ? Of<ProjectState, ProjectEvent>(ProjectDecider.Initial, ProjectDecider.Evolve)
        : streamId.StartsWith("workspace-", StringComparison.Ordinal) ? Of<WorkspaceState, WorkspaceEvent>(WorkspaceDecider.Initial, WorkspaceDecider.Evolve)
        : streamId.StartsWith("comment-", StringComparison.Ordinal) ? Of<CommentState, CommentEvent>(CommentDecider.Initial, CommentDecider.Evolve)
        : null;

    private static StreamFold Of<TState, TEvent>(TState initial, Func<TState, TEvent, TState> evolve)
        where TState : notnull
        where TEvent : class =>
        new(initial, (state, @event) => @event is TEvent typed ? evolve((TState)state, typed)! : state);
}
