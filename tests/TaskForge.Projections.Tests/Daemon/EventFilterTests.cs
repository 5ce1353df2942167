using JasperFx.Events.Projections;
using Marten;
using TaskForge.Domain;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Search;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>Each daemon shard loads only the event types its read model reads (ADR 0122).</summary>
public sealed class EventFilterTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public void Given_the_read_models_When_registered_with_Marten_Then_each_shard_filters_on_exactly_the_types_it_reads()
    {
        var catalog = new ReadModelCatalog("rm", TaskForge.Projections.Hosting.ReadModels.All());
        var options = new StoreOptions();
        options.AddTaskForgeProjections(catalog);

        foreach (var projection in catalog.All)
        {
            var wrapper = options.Projections.All.OfType<ProjectionWrapper<IDocumentOperations, IQuerySession>>()
                .Single(w => ReferenceEquals(w.Inner, projection));
            Assert.Equal(projection.Projection.EventTypes, wrapper.IncludedEventTypes);
            Assert.NotEmpty(wrapper.IncludedEventTypes);
            Assert.All(wrapper.IncludedEventTypes, t => Assert.False(t.IsAbstract));
        }
    }

    [Fact]
    public void Given_a_read_model_When_listing_its_event_types_Then_they_are_the_concrete_domain_types_of_its_families()
    {
        var membership = new MembershipProjection().EventTypes;
        var search = new SearchProjection().EventTypes;

        Assert.Equal(DomainEventTypes.ByName.Values.Where(t => t.IsAssignableTo(typeof(WorkspaceEvent))).Order(TypeOrder.Instance), membership.Order(TypeOrder.Instance));
        Assert.Contains(typeof(TaskEvent.TaskCreated), search);
        Assert.DoesNotContain(typeof(WorkspaceEvent.MemberRemoved), search);
        Assert.DoesNotContain(typeof(InboxEvent.NotificationRead), search);
    }

    [Fact]
    public async Task Given_only_events_a_shard_does_not_read_When_projected_Then_its_progression_still_reaches_the_head()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Filtered " + Guid.NewGuid().ToString("N")[..6]);
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskRenamed(task, project.Id, workspace.Id, "Renamed and filtered"));
        var head = await TestLog.HeadAsync(fixture.DataSource, "rm");

        // Membership reads workspace events only: the last events are task events it never loads, yet it must pass them.
        await Projected.UntilAsync(
            async () => (await fixture.Admin.ListAsync()).Single(p => p.Projection == "membership").Progression >= head,
            $"the membership shard to pass {head}");
        await fixture.CaughtUpAsync();
        Assert.Equal("Renamed and filtered", (await fixture.Tasks.GetAsync(workspace.Owner, task))?.Title);
    }

    private sealed class TypeOrder : IComparer<Type>
    {
        public static readonly TypeOrder Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
