using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Tests.Realtime.Support;

/// <summary>Reads the log (what a subscriber should hold) and appends to it directly, for the resume tests.</summary>
public sealed class RealtimeLog(IDocumentStore store, NpgsqlDataSource dataSource)
{
    /// <summary>The ids of the log's events in (after, upTo] of one workspace, in log order.</summary>
    public async Task<List<long>> WorkspaceEventsAsync(Guid workspace, long after, long upTo)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= upTo).OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.Where(e => e.Data is IWorkspaceScoped scoped && scoped.WorkspaceId == workspace).Select(e => e.Sequence)];
    }

    /// <summary>Appends <paramref name="count"/> TaskCreated events (one transaction each) as the command path stamps them.</summary>
    public async Task<IReadOnlyList<long>> TasksCreatedAsync(Guid workspace, Guid project, Guid actor, int count)
    {
        var positions = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            await using var session = store.LightweightSession();
            var e = Append(session, workspace, project, actor, i);
            await session.SaveChangesAsync();
            positions.Add(e.Sequence);
        }

        return positions;
    }

    /// <summary>
    /// Appends <paramref name="count"/> TaskCreated events with a description of <paramref name="descriptionLength"/>
    /// characters, <paramref name="perTransaction"/> to a transaction (a backlog built quickly).
    /// </summary>
    public async Task<IReadOnlyList<long>> LargeTasksCreatedAsync(Guid workspace, Guid project, Guid actor, int count, int descriptionLength, int perTransaction)
    {
        var positions = new List<long>(count);
        var description = new string('x', descriptionLength);
        for (var done = 0; done < count; done += perTransaction)
        {
            await using var session = store.LightweightSession();
            var batch = Enumerable.Range(done, Math.Min(perTransaction, count - done))
                .Select(i => Append(session, Stamped(workspace, project, actor, i, description)))
                .ToList();
            await session.SaveChangesAsync();
            positions.AddRange(batch.Select(e => e.Sequence));
        }

        return positions;
    }

    /// <summary>One TaskCreated appended in a transaction left open (its sequence number taken) until the commit.</summary>
    public async Task<HeldAppend> AppendHeldAsync(Guid workspace, Guid project, Guid actor)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var e = Append(session, workspace, project, actor, -1);
        await session.SaveChangesAsync();
        return new HeldAppend(connection, transaction, e.Sequence);
    }

    private static IEvent Append(IDocumentSession session, Guid workspace, Guid project, Guid actor, int index) =>
        Append(session, Stamped(workspace, project, actor, index));

    private static IEvent Append(IDocumentSession session, IEvent e)
    {
        session.Events.Append(StreamIds.Task(((TaskEvent.TaskCreated)e.Data).TaskId), e);
        return e;
    }

    private static IEvent Stamped(Guid workspace, Guid project, Guid actor, int index, string description = "") =>
        EventEnvelope.Wrap(new TaskEvent.TaskCreated(Guid.NewGuid(), project, workspace, $"Direct {index}", description, TaskPriority.None, null, [], [], Guid.NewGuid(), "i"))
            .Stamp(actor, workspace, DateTimeOffset.UtcNow);
}

/// <summary>An append whose transaction is still open.</summary>
public sealed class HeldAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, long position) : IAsyncDisposable
{
    public long Position { get; } = position;

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
