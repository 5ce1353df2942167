using JasperFx.Events;
using Marten;
using TaskForge.Domain;
using TaskForge.Storage.Events;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Appends domain events as the command path would: actor, workspace and the command's time in the headers.</summary>
public sealed class DomainLog(IDocumentStore store)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private int _tick;

    /// <summary>Appends the events to the stream and returns their positions (global event ids).</summary>
    public Task<IReadOnlyList<long>> AppendAsync(string streamId, Guid? actor, params object[] events) =>
        AppendAtAsync(streamId, actor, null, events);

    /// <summary>The same, with the command's time <paramref name="at"/> (one minute apart per event of the log when null).</summary>
    public async Task<IReadOnlyList<long>> AppendAtAsync(string streamId, Guid? actor, DateTimeOffset? at, params object[] events)
    {
        await using var session = store.LightweightSession();
        var wrapped = events.Select(e =>
            EventEnvelope.Wrap(e).Stamp(actor, (e as IWorkspaceScoped)?.WorkspaceId, at ?? Start.AddMinutes(Interlocked.Increment(ref _tick)))).ToArray();
        session.Events.Append(streamId, wrapped);
        await session.SaveChangesAsync();
        return [.. wrapped.Select(e => e.Sequence)];
    }

    public async Task<long> AppendOneAsync(string streamId, Guid? actor, object @event) => (await AppendAsync(streamId, actor, @event))[0];
}
