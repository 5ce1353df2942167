namespace TaskForge.Api.Commands.Appending;

/// <summary>Marten's answer to an append, with its exceptions turned into values.</summary>
internal abstract record AppendOutcome
{
    private AppendOutcome()
    {
    }

    /// <summary>Committed: the stream's version after the append and the events' global event ids.</summary>
    public sealed record Stored(long StreamVersion, IReadOnlyList<long> Positions) : AppendOutcome;

    /// <summary>Another writer appended to the stream since the decision was made.</summary>
    public sealed record Conflict : AppendOutcome;

    /// <summary>A context stream changed after the cached state the command decided on (ADR 0125): read and decide again.</summary>
    public sealed record StaleCache : AppendOutcome;

    /// <summary>Some of the event ids are already stored: another try of the same key took them.</summary>
    public sealed record IdsReused(string Detail) : AppendOutcome;

    /// <summary>The connection broke before the answer came: the append may or may not have committed.</summary>
    public sealed record Unknown(string Detail) : AppendOutcome;
}
