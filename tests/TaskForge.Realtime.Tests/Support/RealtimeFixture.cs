using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Runtime;
using TaskForge.Realtime.Fanout;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Wakeup;
using TaskForge.Testing;

namespace TaskForge.Realtime.Tests.Support;

/// <summary>
/// A node's worth of TaskForge for one test class: Marten on a fresh database, the membership read model run by the
/// daemon (which also certifies the high-water mark), the append wake-up, and the realtime fan-out with its tailer.
/// </summary>
public class RealtimeFixture : PostgresDatabaseFixture
{
    private const string Schema = "rt";
    private IHost? _host;

    public IHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public EventFanout Fanout => Host.Services.GetRequiredService<EventFanout>();

    public MembershipReader Membership => Host.Services.GetRequiredService<MembershipReader>();

    public HighWaterMark HighWaterMark => Host.Services.GetRequiredService<HighWaterMark>();

    public LogEnd LogEnd => Host.Services.GetRequiredService<LogEnd>();

    public NpgsqlDataSource MartenDataSource => Host.Services.GetRequiredService<NpgsqlDataSource>();

    public TestLog Log => new(Store, MartenDataSource);

    protected virtual void Configure(RealtimeOptions options)
    {
    }

    /// <summary>Whether commits send the append notice (the daemon and the tailer then also poll).</summary>
    protected virtual bool NoticeOnAppend => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TASKFORGE_TEST_LOG") is not null)
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        var catalog = new ReadModelCatalog(Schema, [new MembershipProjection()]);
        var settings = new EventStoreSettings { Schema = Schema };
        var services = builder.Services;
        services.AddSingleton(_ => TaskForgeDataSource.Create(ConnectionString));
        services.AddSingleton(sp => new AppendNotifier(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new HighWaterMark(sp.GetRequiredService<NpgsqlDataSource>(), Schema));
        services.AddSingleton(sp => new LogEnd(sp.GetRequiredService<NpgsqlDataSource>(), Schema));
        services.AddSingleton<EventLogReader>();
        services.AddTaskForgeReadModels(catalog);
        services.AddMarten(sp =>
        {
            var options = new StoreOptions();
            var dataSource = sp.GetRequiredService<NpgsqlDataSource>();
            options.Connection(dataSource);
            options.UseTaskForgeEventStore(settings);
            options.AddTaskForgeProjections(catalog);
            if (NoticeOnAppend)
                options.UseAppendWakeups(dataSource, sp.GetRequiredService<AppendNotifier>());
            return options;
        }).ApplyAllDatabaseChangesOnStartup().AddAsyncDaemon(DaemonMode.Solo);
        services.AddTaskForgeRealtimeFanout(Configure);
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>A new workspace of a new owner, caught up, and the owner's live subscription to it recording into a sink.</summary>
    public async Task<(Guid Owner, Guid Workspace, RecordingSink Sink, Subscription Subscription)> LiveOnNewWorkspaceAsync()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        await CaughtUpAsync();
        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await Fanout.SubscribeAsync(
            new SubscriptionRequest(owner, null, [Scope.Workspace(workspace)], null), sink, CancellationToken.None));
        return (owner, workspace, sink, result.Subscription);
    }

    /// <summary>Waits until everything appended so far is certified and projected.</summary>
    public async Task CaughtUpAsync()
    {
        await using var command = MartenDataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {Schema}.mt_events");
        await CertifiedAsync((long)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>Waits until the high-water mark and the tailer have reached <paramref name="position"/> and the membership projection has applied it.</summary>
    public async Task CertifiedAsync(long position)
    {
        await Eventually.TrueAsync(async () => await HighWaterMark.ReadAsync() >= position, $"the high-water mark to reach {position}");
        await Eventually.TrueAsync(() => Fanout.Position >= position, $"the tailer to reach {position}");
        await Eventually.TrueAsync(async () =>
        {
            await using var command = MartenDataSource.CreateCommand($"SELECT coalesce(min(last_seq_id), 0) FROM {Schema}.mt_event_progression WHERE name LIKE 'membership%'");
            return (long)(await command.ExecuteScalarAsync())! >= position;
        }, $"the membership projection to reach {position}", describe: async () =>
        {
            await using var command = MartenDataSource.CreateCommand($"SELECT string_agg(name || '=' || last_seq_id, ', ') FROM {Schema}.mt_event_progression");
            return (string?)await command.ExecuteScalarAsync() ?? "";
        });
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The same node with small limits: a short replay bound, and small subscription buffers (pages no larger).</summary>
public sealed class SmallLimitsFixture : RealtimeFixture
{
    public const int MaxReplay = 50;
    public const int Buffer = 20;

    protected override void Configure(RealtimeOptions options)
    {
        options.MaxReplayEvents = MaxReplay;
        options.SubscriptionBufferCapacity = Buffer;
        options.PageSize = Buffer;
    }
}

/// <summary>
/// The same node without the append notice, and a tailer that would poll only every five minutes: only the daemon's
/// advance of the high-water mark can wake the tailer in time (ADR 0136).
/// </summary>
public sealed class NoNoticeFixture : RealtimeFixture
{
    protected override bool NoticeOnAppend => false;

    protected override void Configure(RealtimeOptions options)
    {
        options.PollInterval = TimeSpan.FromMinutes(5);
        options.FastPollInterval = TimeSpan.FromMinutes(5);
    }
}
