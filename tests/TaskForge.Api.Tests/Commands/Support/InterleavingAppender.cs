using TaskForge.Api.Commands.Appending;
using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>
/// Runs another writer right before the first append of the handler under test, after that handler loaded and
/// decided: the race a slow request loses, made deterministic.
/// </summary>
internal sealed class InterleavingAppender(IEventAppender inner, Func<Task> otherWriter) : IEventAppender
{
    private int _appends;

    public int Appends => _appends;

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _appends) == 1)
            await otherWriter();
        return await inner.AppendAsync(streamId, expected, events, cancellationToken);
    }
}
