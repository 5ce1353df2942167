using TaskForge.Api.Commands.Loading;
using TaskForge.Domain.Inboxes;

namespace TaskForge.Api.Commands.Plans;

/// <summary>An inbox belongs to its user across workspaces: its events carry no workspace id.</summary>
public sealed class InboxCommandPlan(InboxCommand command) : CommandPlan
{
    public override object Command => command;

    public override string StreamId => command.StreamId;

    public override Guid ActorId => command.ActorId;

    public override Guid? WorkspaceId => null;

    public override DateTimeOffset Now => command.Now;

    internal override async Task<DecisionAttempt> DecideAsync(StreamLoader loader, CancellationToken cancellationToken)
    {
        var batch = loader.Batch();
        var inbox = batch.Add<InboxState, InboxEvent>(command.StreamId, InboxDecider.Initial, InboxDecider.Evolve);
        await batch.LoadAsync(cancellationToken);
        return DecisionAttempt.From(inbox, InboxDecider.Decide(command, inbox.Value.State));
    }
}
