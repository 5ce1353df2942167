namespace TaskForge.Api.Commands.Messaging;

/// <summary>Work that follows a committed command; registered in the container, called from the outbox's delivery.</summary>
public interface ICommitObserver
{
    Task OnCommittedAsync(CommandCommitted committed, CancellationToken cancellationToken);
}
