using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskForge.Projections.Admin;
using TaskForge.Projections.Board;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.History;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Search;
using TaskForge.Projections.Tasks;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Support;

/// <summary>A database with every read model projected by Marten's daemon, and their readers, for one test class.</summary>
public sealed class ReadModelFixture : PostgresDatabaseFixture
{
    private IHost? _host;

    public IHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public DomainLog Log => new(Store);

    public ProjectionAdmin Admin => Host.Services.GetRequiredService<ProjectionAdmin>();

    public MembershipReader Membership => Host.Services.GetRequiredService<MembershipReader>();

    public FeedReader Feed => Host.Services.GetRequiredService<FeedReader>();

    public NotificationReader Notifications => Host.Services.GetRequiredService<NotificationReader>();

    public BoardReader Boards => Host.Services.GetRequiredService<BoardReader>();

    public TaskDetailReader Tasks => Host.Services.GetRequiredService<TaskDetailReader>();

    public SearchReader Search => Host.Services.GetRequiredService<SearchReader>();

    public StreamHistoryReader History => Host.Services.GetRequiredService<StreamHistoryReader>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _host = await ProjectionHost.StartAsync(ConnectionString, "rm");
    }

    /// <summary>Waits until every read model has applied the log's last event.</summary>
    public Task CaughtUpAsync() => Projected.CaughtUpAsync(DataSource, Admin, "rm");

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
