using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TaskForge.EventStore;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// Runs projections over the event store's global order with exactly-once effect, one leader per projection across
/// processes, poison-event parking and zero-downtime rebuilds (see docs/adr/0060-0063).
/// </summary>
public sealed class ProjectionDaemon : IAsyncDisposable
{
    private readonly DaemonContext _context;
    private readonly IReadOnlyList<IProjection> _projections;
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public ProjectionDaemon(PostgresEventStore store, IEnumerable<IProjection> projections, ProjectionDaemonOptions? options = null, ILogger<ProjectionDaemon>? logger = null)
    {
        _context = new DaemonContext(store, options ?? new ProjectionDaemonOptions(), logger ?? NullLogger<ProjectionDaemon>.Instance);
        _projections = [.. projections];
        var duplicate = _projections.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two projections are named '{duplicate.Key}'.", nameof(projections));
        }

        foreach (var projection in _projections)
        {
            ProjectionTables.Validate(projection.Name);
        }
    }

    /// <summary>The schema of the read models and control tables.</summary>
    public string Schema => _context.Schema;

    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>
    /// Creates the control tables and each projection's first generation (tables and views), so readers can query
    /// before the first event is projected. Safe to call from several nodes at once.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await EventStore.Schema.Migrator.ApplyAsync(_context.Store.DataSource, _context.Schema, [DaemonMigrations.Set], cancellationToken);
        foreach (var projection in _projections)
        {
            await _context.Registry.EnsureAsync(projection, cancellationToken);
        }
    }

    /// <summary>Initializes, then runs every projection in the background until <see cref="StopAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The daemon is running already.");
        }

        await InitializeAsync(cancellationToken);
        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _running = Task.WhenAll(_projections.Select(p => Task.Run(() => new ProjectionWorker(_context, p).RunAsync(token), CancellationToken.None)));
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        // The host stops the hosted service and then disposes the daemon: both end here, possibly at once.
        var stopping = Interlocked.Exchange(ref _stopping, null);
        var running = Interlocked.Exchange(ref _running, null);
        if (stopping is null || running is null)
        {
            return;
        }

        await stopping.CancelAsync();
        await running.WaitAsync(cancellationToken);
        stopping.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
