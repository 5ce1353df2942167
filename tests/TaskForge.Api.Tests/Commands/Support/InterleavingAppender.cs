using JasperFx.Events;
using Marten;
using TaskForge.Api.Commands.Appending;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>
/// Runs another writer right before the first append of the handler under test, after that handler loaded and
/// decided: the race a slow request loses, made deterministic.
/// </summary>
internal sealed class InterleavingAppender(IEventAppender inner, Func<Task> otherWriter) : IEventAppender
{
    private int _appends;

    public int Appends => _appends;

    public async Task<AppendOutcome> AppendAsync(IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _appends) == 1)
            await otherWriter();
        return await inner.AppendAsync(session, streamId, decidedVersion, events, cancellationToken);
    }
}
