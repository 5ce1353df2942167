using JasperFx.Events;
using Marten;
using TaskForge.Api.Commands.Messaging;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace TaskForge.Api.Commands;

/// <summary>
/// Opens the Marten sessions of one command attempt. Each attempt gets a Wolverine message context of its own, enlisted
/// in the session's transaction (the transactional outbox): what an attempt publishes is stored with its events and
/// sent after its commit, and an attempt that conflicts leaves nothing to send. With no <see cref="ICommitObserver"/>
/// registered nothing follows a commit, and no message is written (it would cost three writes to deliver to no one).
/// </summary>
internal sealed class SessionSource(IDocumentStore store, IWolverineRuntime runtime, bool publishCommitted)
{
    private readonly OutboxedSessionFactory _factory = new(new SessionFactory(store), runtime, store);

    public AttemptScope Open(WriteContext write)
    {
        var context = new MessageContext(runtime);
        var session = _factory.OpenSession(context);
        session.CorrelationId = write.CorrelationId;
        session.CausationId = write.CommandId.ToString();
        return new AttemptScope(session, context, write, publishCommitted);
    }

    public IQuerySession Query() => store.QuerySession();

    private sealed class SessionFactory(IDocumentStore store) : ISessionFactory
    {
        public IQuerySession QuerySession() => store.QuerySession();

        public IDocumentSession OpenSession() => store.LightweightSession();
    }
}

/// <summary>One attempt's session and its outbox.</summary>
internal sealed class AttemptScope(IDocumentSession session, MessageContext context, WriteContext write, bool publishCommitted) : IAsyncDisposable
{
    public IDocumentSession Session { get; } = session;

    public WriteContext Write { get; } = write;

    /// <summary>Queues <see cref="CommandCommitted"/> in the outbox; it is stored in the append's transaction.</summary>
    public ValueTask PublishCommittedAsync(long streamVersion, IReadOnlyList<IEvent> events)
    {
        if (!publishCommitted)
            return ValueTask.CompletedTask;
        var plan = Write.Plan;
        var message = new CommandCommitted(Write.CommandId, plan.Command.GetType().Name, plan.StreamId, streamVersion,
            [.. events.Select(e => e.Id)], [.. events.Select(e => e.EventTypeName ?? e.EventType.Name)], plan.ActorId, plan.WorkspaceId);
        return context.PublishAsync(message);
    }

    /// <summary>Sends what the committed attempt stored in the outbox (Wolverine's durability agent would send it later otherwise).</summary>
    public Task FlushAsync() => context.FlushOutgoingMessagesAsync();

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
