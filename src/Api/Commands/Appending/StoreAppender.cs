using TaskForge.EventStore;
using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Commands.Appending;

internal sealed class StoreAppender(PostgresEventStore store) : IEventAppender
{
    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken) =>
        store.AppendAsync(streamId, expected, events, cancellationToken);
}
