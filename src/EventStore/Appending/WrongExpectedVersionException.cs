namespace TaskForge.EventStore.Appending;

/// <summary>The stream has moved on (or does not exist): nothing was written.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long currentVersion)
    : Exception($"Stream '{streamId}' is at version {currentVersion}, the append expected {expected}.")
{
    public string StreamId { get; } = streamId;

    public ExpectedVersion Expected { get; } = expected;

    public long CurrentVersion { get; } = currentVersion;
}
