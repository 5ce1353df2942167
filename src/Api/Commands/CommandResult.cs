using TaskForge.Domain;

namespace TaskForge.Api.Commands;

/// <summary>What a command came to: a closed set, returned as a value (never thrown).</summary>
public abstract record CommandResult
{
    private CommandResult()
    {
    }

    public bool IsSuccess => this is Succeeded;

    /// <summary>
    /// The events are stored (or the command changed nothing: no positions). <paramref name="Version"/> is the stream
    /// version after this command's events, <paramref name="Positions"/> their global event ids, in order.
    /// </summary>
    public sealed record Succeeded(string StreamId, long Version, IReadOnlyList<long> Positions, Guid? CreatedId) : CommandResult
    {
        public bool Equals(Succeeded? other) =>
            other is not null
            && StreamId == other.StreamId
            && Version == other.Version
            && CreatedId == other.CreatedId
            && Positions.SequenceEqual(other.Positions);

        public override int GetHashCode() => HashCode.Combine(StreamId, Version, CreatedId, Positions.Count);
    }

    /// <summary>Nothing was written. For CONFLICT, <paramref name="CurrentVersion"/> is the stream's version now.</summary>
    public sealed record Failed(DomainError Error, long? CurrentVersion = null) : CommandResult
    {
        public string Code => Error.Code;
    }
}
