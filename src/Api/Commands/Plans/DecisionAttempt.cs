using TaskForge.Domain;

namespace TaskForge.Api.Commands.Plans;

/// <summary>One decision: the events (or error) and the version of the target stream it was decided on.</summary>
internal sealed record DecisionAttempt(long Version, IReadOnlyList<object> Events, DomainError? Error)
{
    public static DecisionAttempt From<TEvent>(long version, Decision<TEvent> decision)
        where TEvent : class =>
        new(version, decision.IsError ? [] : [.. decision.Events], decision.Error);
}
