namespace TaskForge.Api.Commands.Loading;

/// <summary>A state folded from a stream, and the stream version it was built from.</summary>
public sealed record LoadedState<TState>(TState State, long Version);
