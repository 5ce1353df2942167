using JasperFx.Events;
using Marten;
using TaskForge.Api.Commands.Appending;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>
/// Loses the answer of the first <paramref name="failures"/> appends the way a broken connection does: the append
/// itself may have reached the database (<paramref name="committed"/>), but the caller gets an unknown outcome.
/// </summary>
internal sealed class BrokenConnectionAppender(IEventAppender inner, int failures, bool committed) : IEventAppender
{
    private int _calls;

    public int Calls => _calls;

    public async Task<AppendOutcome> AppendAsync(IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) > failures)
            return await inner.AppendAsync(session, streamId, decidedVersion, events, cancellationToken);
        if (committed)
            await inner.AppendAsync(session, streamId, decidedVersion, events, cancellationToken);
        return new AppendOutcome.Unknown("connection reset after the append was sent");
    }
}
