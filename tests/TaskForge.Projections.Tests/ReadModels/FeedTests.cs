using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class FeedTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_task_events_When_reading_feeds_Then_only_people_concerned_by_the_task_get_them()
    {
        var (creator, assignee, watcher, mentioned, bystander) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", creator, assignee, watcher, mentioned, bystander);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(creator, "Write the launch post", assignees: [assignee]);
        await project.TaskEventAsync(watcher, new TaskEvent.TaskWatched(task, project.Id, workspace.Id, watcher));
        await project.CommentAsync(assignee, task, "draft is ready", mentioned);
        var renamed = await project.TaskEventAsync(creator, new TaskEvent.TaskRenamed(task, project.Id, workspace.Id, "Publish the launch post"));
        await fixture.CaughtUpAsync();

        foreach (var user in new[] { creator, assignee, watcher, mentioned })
        {
            var entry = (await fixture.Feed.ListAsync(user)).Entries[0];
            Assert.Equal((renamed, "renamed", "task", task, "Publish the launch post", (Guid?)creator),
                (entry.Position, entry.Verb, entry.TargetType, entry.TargetId, entry.TargetTitle, entry.ActorId));
        }

        var bystanderFeed = await fixture.Feed.ListAsync(bystander);
        Assert.DoesNotContain(bystanderFeed.Entries, e => e.TargetType == "task");
        Assert.Contains(bystanderFeed.Entries, e => e is { TargetType: "project", Verb: "created" });
    }

    [Fact]
    public async Task Given_a_rename_When_reading_older_entries_Then_they_keep_the_title_at_the_time()
    {
        var creator = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", creator);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(creator, "Old title");
        await project.TaskEventAsync(creator, new TaskEvent.TaskRenamed(task, project.Id, workspace.Id, "New title"));
        await fixture.CaughtUpAsync();

        var entries = (await fixture.Feed.ListAsync(creator)).Entries.Where(e => e.TargetId == task).ToList();
        Assert.Equal([("renamed", "New title"), ("created", "Old title")], entries.Select(e => (e.Verb, e.TargetTitle)));
    }

    [Fact]
    public async Task Given_membership_changes_When_reading_feeds_Then_visibility_follows_membership_over_time()
    {
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", early);
        var project = await workspace.CreateProjectAsync();
        var before = await project.ProjectEventAsync(workspace.Owner, new ProjectEvent.ProjectRenamed(project.Id, workspace.Id, "Before"));
        var joined = await workspace.AddMemberAsync(late);
        var removed = await workspace.RemoveMemberAsync(early);
        var after = await project.ProjectEventAsync(workspace.Owner, new ProjectEvent.ProjectRenamed(project.Id, workspace.Id, "After"));
        await fixture.CaughtUpAsync();

        var lateFeed = (await fixture.Feed.ListAsync(late)).Entries.Select(e => e.Position).ToList();
        Assert.Contains(joined, lateFeed);
        Assert.Contains(removed, lateFeed);
        Assert.Contains(after, lateFeed);
        Assert.DoesNotContain(before, lateFeed);
        Assert.True(lateFeed.Min() >= joined);
        // The removed member sees none of the workspace any more, through the reader.
        Assert.Empty((await fixture.Feed.ListAsync(early)).Entries);
        var rows = await TestLog.ColumnAsync<long>(fixture.DataSource, $"SELECT position FROM rm.feed_entries WHERE user_id = '{early}'");
        Assert.Contains(before, rows);
        Assert.DoesNotContain(removed, rows);
        Assert.DoesNotContain(after, rows);
    }

    [Fact]
    public async Task Given_many_entries_When_paging_Then_pages_are_newest_first_without_gaps_or_overlaps()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        for (var i = 0; i < 12; i++)
        {
            await project.ProjectEventAsync(workspace.Owner, new ProjectEvent.ProjectRenamed(project.Id, workspace.Id, $"Name {i}"));
        }

        await fixture.CaughtUpAsync();
        var all = (await fixture.Feed.ListAsync(workspace.Owner, first: 200, workspaceId: workspace.Id)).Entries.Select(e => e.Position).ToList();
        var paged = new List<long>();
        long? cursor = null;
        do
        {
            var page = await fixture.Feed.ListAsync(workspace.Owner, first: 5, before: cursor, workspaceId: workspace.Id);
            paged.AddRange(page.Entries.Select(e => e.Position));
            cursor = page.NextBefore;
        }
        while (cursor is not null);

        Assert.Equal(14, all.Count); // created the workspace, created the project, 12 renames
        Assert.Equal(all, paged);
        Assert.Equal(all.OrderByDescending(p => p), all);
    }

    [Fact]
    public async Task Given_a_bad_page_size_When_reading_Then_it_is_refused_clearly()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Feed.ListAsync(Guid.NewGuid(), first: 0));
    }
}
