using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Commands.Appending;

/// <summary>The store's answer to an append, with its exceptions turned into values.</summary>
internal abstract record AppendOutcome
{
    private AppendOutcome()
    {
    }

    /// <summary>Written now, or (<see cref="AppendResult.AlreadyStored"/>) found stored under the same event ids.</summary>
    public sealed record Stored(AppendResult Result) : AppendOutcome;

    public sealed record Conflict(long CurrentVersion) : AppendOutcome;

    /// <summary>Some of the event ids are stored, or stored in another stream: another decision took the key.</summary>
    public sealed record IdsReused(string Detail) : AppendOutcome;

    public sealed record Unavailable(string Detail) : AppendOutcome;
}
