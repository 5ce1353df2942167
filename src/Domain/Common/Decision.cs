namespace TaskForge.Domain;

/// <summary>
/// The outcome of a decider: the events to append (possibly none, when the command changes
/// nothing) or a domain error.
/// </summary>
public readonly record struct Decision<TEvent>
{
    private readonly IReadOnlyList<TEvent>? _events;

    private Decision(IReadOnlyList<TEvent>? events, DomainError? error)
    {
        _events = events;
        Error = error;
    }

    public IReadOnlyList<TEvent> Events => _events ?? [];

    public DomainError? Error { get; }

    public bool IsError => Error is not null;

    public static Decision<TEvent> None => new([], null);

    public static Decision<TEvent> Of(params TEvent[] events) => new(events, null);

    public static Decision<TEvent> Fail(DomainError error) => new(null, error);

    public static implicit operator Decision<TEvent>(TEvent @event) => Of(@event);

    public static implicit operator Decision<TEvent>(TEvent[] events) => Of(events);

    public static implicit operator Decision<TEvent>(DomainError error) => Fail(error);
}
