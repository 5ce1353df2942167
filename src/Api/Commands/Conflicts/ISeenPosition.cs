namespace TaskForge.Api.Commands.Conflicts;

/// <summary>
/// How far this node has published the certified log to its clients: no client can have seen an event above it. A
/// command decided on a cached state that proved stale tells a change its user could have seen (at or below the
/// position when the command started: decide again) from one made while it ran (above it: a conflict) by this (ADR 0125).
/// Without one registered, every such change counts as made while the command ran.
/// </summary>
public interface ISeenPosition
{
    long Position { get; }
}
