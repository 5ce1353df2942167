using JasperFx.Events;
using Marten;

namespace TaskForge.Api.Commands.Appending;

/// <summary>The one write the command path makes; a seam so tests can interleave writers or break connections.</summary>
internal interface IEventAppender
{
    /// <summary>Appends <paramref name="events"/> to a stream at <paramref name="decidedVersion"/> and commits the session.</summary>
    Task<AppendOutcome> AppendAsync(IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken);
}
