using System.Text.Json;
using JasperFx.Events;
using Marten;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// Time travel and diffs: a stream's state at a point of the log, and the fields each event changed, computed by
/// replaying the stream's events (Marten's <c>FetchStreamAsync</c>, by version or timestamp) through its decider's
/// Evolve. Never past the high-water mark.
/// </summary>
public sealed class StateHistory(IDocumentStore store, HighWaterMark highWaterMark)
{
    /// <summary>
    /// The state of <paramref name="streamId"/> after the last of its events at or before <paramref name="atEventId"/>
    /// (or stored at or before <paramref name="at"/>); null when the stream cannot be folded or belongs to another workspace.
    /// </summary>
    public async Task<StateSnapshot?> AsOfAsync(Guid workspaceId, string streamId, long? atEventId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (StreamFold.For(streamId) is not { } fold)
            return null;
        var bound = Math.Min(await highWaterMark.ReadAsync(cancellationToken), atEventId ?? long.MaxValue);
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, timestamp: at?.ToUniversalTime(), token: cancellationToken);
        if (events.Count > 0 && events[0].WorkspaceId() != workspaceId)
            return null;

        var state = fold.Initial;
        IEvent? last = null;
        foreach (var @event in events.TakeWhile(e => e.Sequence <= bound))
        {
            state = fold.Evolve(state, @event.Data);
            last = @event;
        }

        return new StateSnapshot(streamId, last?.Version ?? 0, last?.Sequence, last?.Timestamp, state.GetType().Name != "NotCreated",
            JsonSerializer.SerializeToElement(StateShape.Of(state)));
    }

    /// <summary>For each of <paramref name="versions"/> of the stream, the fields its event changed (empty for a stream that does not fold).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<FieldChange>>> ChangesAsync(string streamId, IReadOnlyCollection<long> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var changes = new Dictionary<long, IReadOnlyList<FieldChange>>();
        if (StreamFold.For(streamId) is not { } fold || versions.Count == 0)
            return changes;
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, version: versions.Max(), token: cancellationToken);
        var wanted = versions.ToHashSet();
        var state = fold.Initial;
        foreach (var @event in events)
        {
            var next = fold.Evolve(state, @event.Data);
            if (wanted.Contains(@event.Version))
                changes[@event.Version] = StateShape.Diff(StateShape.Of(state), StateShape.Of(next));
            state = next;
        }

        return changes;
    }
}
