using TaskForge.Api.Commands.Loading;

namespace TaskForge.Api.Commands.Plans;

/// <summary>
/// How one aggregate's command goes through the one command path: its target stream, the facts for its metadata,
/// and how to load the target and context streams and decide.
/// </summary>
public abstract class CommandPlan
{
    public abstract object Command { get; }

    public abstract string StreamId { get; }

    public abstract Guid ActorId { get; }

    public abstract Guid? WorkspaceId { get; }

    public abstract DateTimeOffset Now { get; }

    /// <summary>The id of what the command creates, when it creates something.</summary>
    public virtual Guid? CreatedId => null;

    /// <summary>Loads the target and context streams, then decides (the deciders authorize from the workspace state).</summary>
    internal abstract Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken);
}
