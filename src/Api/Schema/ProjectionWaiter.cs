using TaskForge.Projections;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Versions;

namespace TaskForge.Api.Schema;

/// <summary>
/// Read-your-writes over asynchronous projections: waits, bounded, until the named read models have processed an event.
/// One poll of Marten's progression table serves every waiting request (never a query per waiter); it runs only
/// while someone waits.
/// </summary>
public sealed class ProjectionWaiter(ProjectionProgress progress, ReadModelCatalog catalog, ILogger<ProjectionWaiter> logger) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _poller;

    /// <summary>The read models' names (<c>board</c>, <c>tasks</c>, ...) mapped to the Marten names of their current versions.</summary>
    private IReadOnlyDictionary<string, string> MartenNames { get; } =
        catalog.Projections.ToDictionary(p => p.Name, p => p.MartenName, StringComparer.Ordinal);

    /// <summary>
    /// True once every one of <paramref name="readModels"/> (all of them when empty) has processed <paramref name="eventId"/>;
    /// false when <paramref name="timeout"/> passed first.
    /// </summary>
    public async Task<bool> WaitAsync(long eventId, IReadOnlyCollection<string> readModels, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readModels);
        if (eventId <= 0)
        {
            return true;
        }

        var names = readModels.Count == 0 ? [.. MartenNames.Values] : readModels.Select(r => MartenNames[r]).ToArray();
        var waiter = new Waiter(eventId, names);
        lock (_lock)
        {
            _waiters.Add(waiter);
            _poller ??= Task.Run(PollAsync);
        }

        try
        {
            await waiter.Reached.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Read models {ReadModels} did not reach event {EventId} within {Timeout}", names, eventId, timeout);
            return false;
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task PollAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Waiter[] waiting;
            lock (_lock)
            {
                waiting = [.. _waiters.Where(w => !w.Reached.Task.IsCompleted)];
                if (waiting.Length == 0)
                {
                    _poller = null;
                    return;
                }
            }

            try
            {
                var now = await progress.ReadAsync(_stopping.Token);
                foreach (var waiter in waiting.Where(w => w.Names.All(n => ProjectionProgress.Of(now, n) >= w.EventId)))
                {
                    waiter.Reached.TrySetResult();
                }

                await Task.Delay(PollInterval, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Reading projection progress failed; retrying");
                await Task.Delay(TimeSpan.FromMilliseconds(100), _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private sealed record Waiter(long EventId, string[] Names)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
