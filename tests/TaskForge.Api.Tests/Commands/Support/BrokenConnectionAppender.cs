using TaskForge.Api.Commands.Appending;
using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>
/// Loses the answer of the first <paramref name="failures"/> appends the way a broken connection does: the append
/// itself may have reached the database (<paramref name="committed"/>), but the caller gets AppendOutcomeUnknown.
/// </summary>
internal sealed class BrokenConnectionAppender(IEventAppender inner, int failures, bool committed) : IEventAppender
{
    private int _calls;

    public int Calls => _calls;

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) > failures)
            return await inner.AppendAsync(streamId, expected, events, cancellationToken);
        if (committed)
            await inner.AppendAsync(streamId, expected, events, cancellationToken);
        throw new AppendOutcomeUnknownException(streamId, new IOException("connection reset after the append was sent"));
    }
}
