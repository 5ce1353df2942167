using System.Text.Json;
using TaskForge.Domain;

namespace TaskForge.Domain.Tests.Support;

/// <summary>Given events (folded with Evolve) / When a command (Decide) / Then events or an error code.</summary>
public sealed class Scenario<TState, TEvent>(Func<TState, TEvent, TState> evolve, TState initial)
    where TEvent : notnull
{
    private readonly List<TEvent> _given = [];

    public Scenario<TState, TEvent> Given(params IEnumerable<TEvent> events)
    {
        _given.AddRange(events);
        return this;
    }

    public TState State => _given.Aggregate(initial, evolve);

    public Outcome<TEvent> When(Func<TState, Decision<TEvent>> decide) => new(decide(State));
}

public sealed class Outcome<TEvent>(Decision<TEvent> decision)
    where TEvent : notnull
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public Decision<TEvent> Decision { get; } = decision;

    public void Then(params TEvent[] expected)
    {
        Assert.False(Decision.IsError, $"Expected events but got {Decision.Error}");
        Assert.Equal(expected.Select(Describe), Decision.Events.Select(Describe));
    }

    public void ThenNothing()
    {
        Assert.False(Decision.IsError, $"Expected no events but got {Decision.Error}");
        Assert.Empty(Decision.Events);
    }

    public DomainError ThenError(string code)
    {
        Assert.True(Decision.IsError, $"Expected {code} but got events: {string.Join(", ", Decision.Events.Select(Describe))}");
        Assert.Equal(code, Decision.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(Decision.Error.Message));
        return Decision.Error;
    }

    /// <summary>Events compare by type and JSON form, so lists inside them compare by content.</summary>
    public static string Describe(TEvent @event) =>
        $"{@event.GetType().Name} {JsonSerializer.Serialize(@event, @event.GetType(), Json)}";
}
