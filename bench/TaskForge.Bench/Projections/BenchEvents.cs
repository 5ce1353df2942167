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
        var wrapped = events.Select(e => EventEnvelope.Wrap(e).Stamp(actor, (e as IWorkspaceScoped)?.WorkspaceId, DateTimeOffset.UtcNow)).ToArray();
        session.Events.Append(streamId, wrapped);
        await session.SaveChangesAsync();
        return [.. wrapped.Select(e => e.Sequence)];
    }
}
