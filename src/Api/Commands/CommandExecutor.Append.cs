using JasperFx.Events;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Commands.Plans;

namespace TaskForge.Api.Commands;

public sealed partial class CommandExecutor
{
    /// <summary>
    /// Appends; when the connection broke before the answer came, looks the events up by their ids: stored means the
    /// first append committed (its result is returned); not stored means it did not, and it is sent once more on a fresh
    /// session with the same event ids, which is safe (a second copy would break the unique index on event ids).
    /// </summary>
    private async Task<AppendOutcome> AppendAsync(
        CommandPlan plan, long decidedVersion, IReadOnlyList<IEvent> events, IReadOnlyList<(string StreamId, long Version)> cachedContext,
        AttemptScope scope, CancellationToken cancellationToken)
    {
        QueueVersionCheck(scope, cachedContext);
        var outcome = await _appender.AppendAsync(scope.Session, plan.StreamId, decidedVersion, events, cancellationToken);
        if (outcome is not AppendOutcome.Unknown)
            return outcome;
        if (await FindStoredAsync(events, cancellationToken) is { } stored)
            return stored;

        await using var retry = _sessions.Open(scope.Write);
        QueueVersionCheck(retry, cachedContext);
        await retry.PublishCommittedAsync(decidedVersion + events.Count, events);
        var second = await _appender.AppendAsync(retry.Session, plan.StreamId, decidedVersion, events, cancellationToken);
        if (second is AppendOutcome.Stored)
            await retry.FlushAsync();
        return second is AppendOutcome.Unknown && await FindStoredAsync(events, cancellationToken) is { } late ? late : second;
    }

    /// <summary>The context streams decided on from the cache, unread, must still be at those versions (ADR 0125).</summary>
    private static void QueueVersionCheck(AttemptScope scope, IReadOnlyList<(string StreamId, long Version)> cachedContext)
    {
        if (cachedContext.Count > 0)
            StreamVersionCheck.Queue(scope.Session, cachedContext);
    }

    private async Task<AppendOutcome.Stored?> FindStoredAsync(IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = _sessions.Query();
            var stored = await IdempotencyLedger.FindAsync(session, [.. events.Select(e => e.Id)], cancellationToken);
            return stored is null ? null : new AppendOutcome.Stored(stored.Version, stored.Positions);
        }
        catch (Exception e) when (Storage.EventStore.AppendFailure.IsUnavailable(e))
        {
            return null;
        }
    }
}
