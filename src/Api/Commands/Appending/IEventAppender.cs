using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Commands.Appending;

/// <summary>The one write the command path makes; a seam so tests can interleave writers or break connections.</summary>
internal interface IEventAppender
{
    Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken);
}
