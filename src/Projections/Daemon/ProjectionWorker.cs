using Microsoft.Extensions.Logging;
using TaskForge.Projections.Telemetry;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// Runs one projection in this process when it holds the projection's lock: the active generation, and beside it a
/// generation being rebuilt until that one catches up and takes over. Starts over from the checkpoint after failures.
/// </summary>
internal sealed class ProjectionWorker(DaemonContext context, IProjection projection)
{
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(2);

    private readonly ProjectionStatus _status = ProjectionMetrics.StatusOf(context.Schema, projection.Name);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var key = $"taskforge.projection.{context.Schema}.{projection.Name}";
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await LeaderLease.TryAcquireAsync(context.Store.DataSource, key, cancellationToken);
                failures = 0;
                if (lease is null)
                {
                    await Task.Delay(context.Options.LeaderRetryInterval, cancellationToken);
                    continue;
                }

                await LeadAsync(lease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Back off while the database stays unreachable; the first retry comes at once.
                var delay = TimeSpan.FromTicks(Math.Min(context.Options.RestartDelay.Ticks << Math.Min(failures++, 10), MaxRestartDelay.Ticks));
                context.Logger.LogWarning(e, "Projection {Projection} stopped; starting over from its checkpoint in {Delay}", projection.Name, delay);
                await DelayAsync(delay, cancellationToken);
            }
        }
    }

    private async Task LeadAsync(LeaderLease lease, CancellationToken cancellationToken)
    {
        using var leadership = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = lease.WatchAsync(context.Options.LockCheckInterval, leadership.Token)
            .ContinueWith(_ => leadership.Cancel(), TaskScheduler.Default);
        _status.IsLeader = true;
        context.Logger.LogInformation("This process leads projection {Projection}", projection.Name);
        try
        {
            while (true)
            {
                await RunRoundAsync(leadership.Token);
            }
        }
        finally
        {
            _status.IsLeader = false;
            await leadership.CancelAsync();
            await watch;
        }
    }

    /// <summary>Runs the generations in the registry until it changes (a rebuild started or switched).</summary>
    private async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var state = await context.Registry.EnsureAsync(projection, cancellationToken);
        if (state.IsNewerThan(projection.Version))
        {
            // During a rolling deploy an old node must neither write into newer tables nor rebuild back to its version.
            throw new ProjectionVersionOutdatedException(projection.Name, projection.Version, Math.Max(state.ActiveVersion, state.BuildingVersion ?? 0));
        }

        if (state.Building is null)
        {
            await context.Registry.DropRetiredAsync(projection, state.Active - 1, cancellationToken);
        }

        if (state.NeedsBuild(projection.Version))
        {
            state = await context.Registry.StartBuildingAsync(projection, cancellationToken);
            context.Logger.LogInformation("Projection {Projection} rebuilds into generation {Generation}", projection.Name, state.Building);
        }

        using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task> { new ProjectionRunner(context, projection, state.Active, null).RunAsync(round.Token) };
        if (state.Building is int building)
        {
            tasks.Add(new ProjectionRunner(context, projection, building, ct => SwitchAsync(building, ct)).RunAsync(round.Token));
        }

        tasks.Add(WatchRegistryAsync(state, round.Token));
        var first = await Task.WhenAny(tasks);
        await round.CancelAsync();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception) when (round.IsCancellationRequested)
        {
            // The other tasks were cancelled; the outcome of the first one to end decides.
        }

        await first;
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<bool> SwitchAsync(int generation, CancellationToken cancellationToken)
    {
        if (!await context.Registry.SwitchAsync(projection, generation, cancellationToken))
        {
            return false;
        }

        _status.Rebuild = _status.Rebuild is { } progress ? progress with { Done = progress.Total, Finished = true, Eta = TimeSpan.Zero } : null;
        context.Logger.LogInformation("Projection {Projection} switched readers to generation {Generation}", projection.Name, generation);
        return true;
    }

    private async Task WatchRegistryAsync(GenerationState running, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(context.Options.ControlPollInterval, cancellationToken);
            var current = await context.Registry.LoadAsync(projection.Name, cancellationToken);
            if (current.Active != running.Active || current.Building != running.Building || current.NeedsBuild(projection.Version)
                || current.IsNewerThan(projection.Version))
            {
                return;
            }
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
