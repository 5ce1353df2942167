using System.Globalization;
using Marten;
using TaskForge.Domain;
using TaskForge.Storage.Events;

namespace TaskForge.Bench.Projections;

/// <summary>Domain events appended as the command path appends them (actor, workspace and time in the headers).</summary>
internal static class BenchEvents
{
    public static async Task<IReadOnlyList<long>> AppendAsync(IDocumentStore store, string streamId, Guid actor, params object[] events)
    {
        await using var session = store.LightweightSession();
        var wrapped = events.Select(e =>
        {
            var @event = EventEnvelope.Wrap(e);
            @event.SetHeader(EventHeaders.ActorId, actor.ToString());
            if ((e as IWorkspaceScoped)?.WorkspaceId is { } workspace)
                @event.SetHeader(EventHeaders.WorkspaceId, workspace.ToString());
            @event.SetHeader(EventHeaders.OccurredAt, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            return @event;
        }).ToArray();
        session.Events.Append(streamId, wrapped);
        await session.SaveChangesAsync();
        return [.. wrapped.Select(e => e.Sequence)];
    }
}
