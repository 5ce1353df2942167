using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;

namespace TaskForge.Api.Commands.Plans;

/// <summary>
/// One decision: the events (or error), the version of the target stream it was decided on, and how to keep the target's
/// state after the events in the state cache once they are committed.
/// </summary>
internal sealed record DecisionAttempt(long Version, IReadOnlyList<object> Events, DomainError? Error, Action<StateCache>? Remember = null)
{
    public static DecisionAttempt From<TState, TEvent>(StreamBatch.PendingLoad<TState> target, Decision<TEvent> decision)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(target);
        if (decision.IsError)
            return new(target.Value.Version, [], decision.Error);
        IReadOnlyList<object> events = [.. decision.Events];
        return new(target.Value.Version, events, null, cache => cache.Offer(target.StreamId, target.After(events)));
    }
}
