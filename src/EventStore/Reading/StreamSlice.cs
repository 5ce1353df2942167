namespace TaskForge.EventStore.Reading;

/// <summary>A stream to read from <see cref="FromVersion"/> (1 = the whole stream) on.</summary>
public sealed record StreamSlice(string StreamId, long FromVersion = 1);
