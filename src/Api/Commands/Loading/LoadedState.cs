namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// A state folded from a stream, and the stream version it was built from. <paramref name="EventsRead"/> is how many
/// events this load read from the store (fewer than the version when it started from a cached state).
/// </summary>
public sealed record LoadedState<TState>(TState State, long Version, int EventsRead = 0);
