using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.EventStore;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Telemetry;

namespace TaskForge.Bench.Projections;

/// <summary>
/// Lag of every read model at a steady append rate: the time from an event's insert to the commit of the batch that
/// projects it, taken from the daemon's own event-delay histogram (one measurement per event and projection).
/// </summary>
internal static class ProjectionLag
{
    public static async Task<LagResult> RunAsync(
        PostgresEventStore store, int workspaces, int members, int rate, TimeSpan duration, IReadOnlyList<IProjection> projections, string schema)
    {
        var spaces = new List<BenchWorkspace>();
        for (var w = 0; w < workspaces; w++)
        {
            spaces.Add(await BenchWorkspace.CreateAsync(store, members));
        }

        var tasks = new TaskPool();
        await using var daemon = new ProjectionDaemon(store, projections, new ProjectionDaemonOptions { Schema = schema });
        await daemon.StartAsync();
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            await NextAsync(store, spaces, tasks, random, create: true);
        }

        // Measure the steady state only: every read model first catches up with the whole log (earlier suites' events too).
        await WaitForHeadAsync(store, daemon);

        var delays = new ConcurrentDictionary<string, List<double>>();
        var measuring = false;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.Name && instrument.Name == "taskforge.projections.event.delay")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            if (Volatile.Read(ref measuring) && tags.Length > 0 && tags[0].Value is string projection && projection.Length > 0)
            {
                var list = delays.GetOrAdd(projection, _ => []);
                lock (list)
                {
                    list.Add(value);
                }
            }
        });
        listener.Start();

        var acks = new ConcurrentBag<double>();
        using var stopSubscriber = new CancellationTokenSource();
        var subscriber = SubscribeAsync(store, () => Volatile.Read(ref measuring), stopSubscriber.Token);
        var total = (int)(rate * duration.TotalSeconds);
        var warmUp = rate * 2;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var i = 0; i < total + warmUp; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (i == warmUp)
            {
                Volatile.Write(ref measuring, true);
            }

            var seed = random.Next();
            inFlight.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await NextAsync(store, spaces, tasks, new Random(seed), create: false);
                if (Volatile.Read(ref measuring))
                {
                    acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
        await WaitForHeadAsync(store, daemon);
        Volatile.Write(ref measuring, false);
        await stopSubscriber.CancelAsync();
        return new LagResult(delays.ToDictionary(kv => kv.Key, kv => kv.Value), [.. acks], await subscriber);
    }

    /// <summary>The baseline: a plain catch-up subscriber of the store, delay from insert to delivery, same run and same events.</summary>
    private static async Task<List<double>> SubscribeAsync(PostgresEventStore store, Func<bool> measuring, CancellationToken cancellationToken)
    {
        var delays = new List<double>();
        await using var command = store.DataSource.CreateCommand($"SELECT coalesce(max(id), 0) FROM {store.Schema}.events");
        var head = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        try
        {
            await foreach (var e in store.SubscribeToAllAsync(head, cancellationToken))
            {
                if (measuring())
                {
                    delays.Add((DateTimeOffset.UtcNow - e.CreatedAt).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Measurement over.
        }

        return delays;
    }

    private static async Task WaitForHeadAsync(PostgresEventStore store, ProjectionDaemon daemon)
    {
        var admin = new TaskForge.Projections.Rebuild.ProjectionAdmin(new(store.DataSource, daemon.Schema, store.Schema));
        await using var command = store.DataSource.CreateCommand($"SELECT max(id) FROM {store.Schema}.events");
        var head = (long)(await command.ExecuteScalarAsync())!;
        foreach (var projection in daemon.Projections)
        {
            while (await admin.GetCheckpointAsync(projection.Name) < head)
            {
                await Task.Delay(10);
            }
        }
    }

    /// <summary>One event of a mix: new tasks, comments with a mention, assignments, moves, renames, and project renames (fan-out to all members).</summary>
    private static async Task NextAsync(PostgresEventStore store, List<BenchWorkspace> spaces, TaskPool tasks, Random random, bool create)
    {
        var space = spaces[random.Next(spaces.Count)];
        var actor = space.Members[random.Next(space.Members.Count)];
        var someone = space.Members[random.Next(space.Members.Count)];
        var roll = create || tasks.Count == 0 ? 0 : random.Next(100);
        if (roll < 30)
        {
            var task = Guid.NewGuid();
            await BenchEvents.AppendAsync(store, StreamIds.Task(task), actor, new TaskEvent.TaskCreated(task, space.ProjectId, space.Id, "Bench task",
                "words to search", TaskPriority.Medium, null, [], [someone], space.Columns[0], "i"));
            tasks.Add((space, task));
            return;
        }

        var (taskSpace, taskId) = tasks.Pick(random);
        var (p, w) = (taskSpace.ProjectId, taskSpace.Id);
        object e = roll switch
        {
            < 50 => new CommentEvent.CommentAdded(Guid.NewGuid(), taskId, p, w, actor, "a comment", [someone]),
            < 65 => new TaskEvent.TaskAssigned(taskId, p, w, someone),
            < 80 => new TaskEvent.TaskMoved(taskId, p, w, taskSpace.Columns[0], taskSpace.Columns[random.Next(4)], "i"),
            < 90 => new TaskEvent.TaskRenamed(taskId, p, w, $"Renamed {random.Next(100)}"),
            _ => new ProjectEvent.ProjectRenamed(p, w, $"Project {random.Next(100)}"),
        };
        var stream = e switch
        {
            CommentEvent c => StreamIds.Comment(c.CommentId),
            ProjectEvent => StreamIds.Project(p),
            _ => StreamIds.Task(taskId),
        };
        await BenchEvents.AppendAsync(store, stream, actor, e);
    }
}

/// <summary>The tasks created so far, shared by the concurrent appenders.</summary>
internal sealed class TaskPool
{
    private readonly List<(BenchWorkspace Space, Guid Task)> _tasks = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    public void Add((BenchWorkspace Space, Guid Task) task)
    {
        lock (_gate)
        {
            _tasks.Add(task);
        }
    }

    public (BenchWorkspace Space, Guid Task) Pick(Random random)
    {
        lock (_gate)
        {
            return _tasks[random.Next(_tasks.Count)];
        }
    }
}

/// <summary>Per read model delays, append acknowledgement times, and a plain subscriber's delivery delays (ms).</summary>
internal sealed record LagResult(Dictionary<string, List<double>> ReadModels, List<double> Acks, List<double> Subscriber);
