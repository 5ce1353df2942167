using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Storage.Events;

namespace TaskForge.Realtime.Tests.Support;

/// <summary>Appends domain events as the command path would (actor, workspace and time in the headers).</summary>
public sealed class TestLog(IDocumentStore store, NpgsqlDataSource dataSource)
{
    public static string EmailOf(Guid user) => $"{user:N}@example.com";

    /// <summary>Appends the events to their streams in one transaction; returns their positions.</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(Guid actor, params (string Stream, object Event)[] events)
    {
        await using var session = store.LightweightSession();
        var wrapped = Stamp(session, actor, events);
        await session.SaveChangesAsync();
        return [.. wrapped.Select(e => e.Sequence)];
    }

    /// <summary>
    /// Appends in a transaction left open (its sequence numbers taken, nothing visible) until the returned commit runs.
    /// </summary>
    public async Task<HeldAppend> AppendHeldAsync(Guid actor, params (string Stream, object Event)[] events)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            var wrapped = Stamp(session, actor, events);
            await session.SaveChangesAsync();
            return new HeldAppend(connection, transaction, [.. wrapped.Select(e => e.Sequence)]);
        }
    }

    public async Task<Guid> CreateWorkspaceAsync(Guid owner)
    {
        var workspace = Guid.NewGuid();
        await AppendAsync(owner, (StreamIds.Workspace(workspace), new WorkspaceEvent.WorkspaceCreated(workspace, "Acme", owner, EmailOf(owner))));
        return workspace;
    }

    /// <summary>Invites and accepts; returns the acceptance's position.</summary>
    public async Task<long> AddMemberAsync(Guid workspace, Guid owner, Guid user)
    {
        var invitation = Guid.NewGuid();
        await AppendAsync(owner, (StreamIds.Workspace(workspace), new WorkspaceEvent.MemberInvited(workspace, invitation, EmailOf(user), WorkspaceRole.Member)));
        return (await AppendAsync(user, (StreamIds.Workspace(workspace),
            new WorkspaceEvent.InvitationAccepted(workspace, invitation, user, EmailOf(user), WorkspaceRole.Member))))[0];
    }

    public async Task<long> RemoveMemberAsync(Guid workspace, Guid owner, Guid user) =>
        (await AppendAsync(owner, (StreamIds.Workspace(workspace), new WorkspaceEvent.MemberRemoved(workspace, user))))[0];

    /// <summary><paramref name="count"/> task events in the workspace, <paramref name="perAppend"/> per transaction; their positions.</summary>
    public async Task<IReadOnlyList<long>> TaskEventsAsync(Guid workspace, Guid actor, int count, int perAppend = 50)
    {
        var project = Guid.NewGuid();
        var positions = new List<long>(count);
        for (var done = 0; done < count; done += perAppend)
        {
            var batch = Enumerable.Range(done, Math.Min(perAppend, count - done))
                .Select(i => (StreamIds.Task(Guid.NewGuid()), (object)Created(workspace, project, i))).ToArray();
            positions.AddRange(await AppendAsync(actor, batch));
        }

        return positions;
    }

    public static (string, object) TaskCreated(Guid workspace, int index)
    {
        var task = Created(workspace, Guid.NewGuid(), index);
        return (StreamIds.Task(task.TaskId), task);
    }

    private static TaskEvent.TaskCreated Created(Guid workspace, Guid project, int index) =>
        new(Guid.NewGuid(), project, workspace, $"Task {index}", "", TaskPriority.None, null, [], [], Guid.NewGuid(), "i");

    private static IEvent[] Stamp(IDocumentSession session, Guid actor, (string Stream, object Event)[] events)
    {
        var wrapped = new IEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var (stream, data) = events[i];
            wrapped[i] = EventEnvelope.Wrap(data).Stamp(actor, (data as IWorkspaceScoped)?.WorkspaceId, DateTimeOffset.UtcNow);
            session.Events.Append(stream, wrapped[i]);
        }

        return wrapped;
    }
}

/// <summary>An append whose transaction is still open.</summary>
public sealed class HeldAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> positions) : IAsyncDisposable
{
    public IReadOnlyList<long> Positions { get; } = positions;

    public async Task CommitAsync()
    {
        await transaction.CommitAsync();
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
