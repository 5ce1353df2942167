using TaskForge.Projections.Board;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.History;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Rebuild;
using TaskForge.Projections.Search;
using TaskForge.Projections.Storage;
using TaskForge.Projections.Tasks;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Support;

/// <summary>A database with every read model projected by a running daemon, and their readers, for one test class.</summary>
public sealed class ReadModelFixture : EventStoreFixture
{
    private ProjectionDaemon? _daemon;

    public ReadModelDatabase Database => new(Store.DataSource, "rm", Store.Schema);

    public DomainLog Log => new(Store);

    public ProjectionAdmin Admin => new(Database);

    public MembershipReader Membership => new(Database);

    public FeedReader Feed => new(Database);

    public NotificationReader Notifications => new(Database);

    public BoardReader Boards => new(Database);

    public TaskDetailReader Tasks => new(Database);

    public SearchReader Search => new(Database);

    public StreamHistoryReader History => new(Store, Membership);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _daemon = new ProjectionDaemon(Store, ProjectionsServiceCollectionExtensions.ReadModels(), new ProjectionDaemonOptions { Schema = "rm" });
        await _daemon.StartAsync();
    }

    /// <summary>Waits until every read model has applied the log's last event.</summary>
    public Task CaughtUpAsync() =>
        Projected.CaughtUpAsync(Store, Admin, [.. ProjectionsServiceCollectionExtensions.ReadModels().Select(p => p.Name)]);

    public override async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
