using System.Collections.Concurrent;
using System.Diagnostics;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Access;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class TaskDetailTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_a_task_with_edits_and_comments_When_read_Then_it_has_every_field_its_version_and_live_comments()
    {
        var (ana, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", ana, bob);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(ana, "Draft", "first words", assignees: [bob]);
        await project.TaskEventAsync(ana, new TaskEvent.TaskDescriptionEdited(task, project.Id, workspace.Id, "better words"));
        await project.TaskEventAsync(bob, new TaskEvent.TaskWatched(task, project.Id, workspace.Id, ana));
        await project.TaskEventAsync(ana, new TaskEvent.TaskUnassigned(task, project.Id, workspace.Id, bob));
        var (kept, _) = await project.CommentAsync(bob, task, "looks good");
        var (edited, _) = await project.CommentAsync(ana, task, "typo");
        var (removed, _) = await project.CommentAsync(bob, task, "spam");
        await project.CommentEventAsync(ana, new CommentEvent.CommentEdited(edited, task, project.Id, workspace.Id, "fixed the typo", [bob]));
        await project.CommentEventAsync(bob, new CommentEvent.CommentDeleted(removed, task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        var detail = await fixture.Tasks.GetAsync(bob, task);

        Assert.NotNull(detail);
        Assert.Equal(("Draft", "better words", 4L, (Guid?)ana), (detail.Title, detail.Description, detail.Version, detail.CreatedBy));
        Assert.Empty(detail.Assignees);
        Assert.Equal([ana], detail.Watchers);
        Assert.Equal([(kept, "looks good", (DateTimeOffset?)null), (edited, "fixed the typo", detail.Comments[1].EditedAt)],
            detail.Comments.Select(c => (c.CommentId, c.Body, c.EditedAt)));
        Assert.NotNull(detail.Comments[1].EditedAt);
        Assert.Equal([bob], detail.Comments[1].Mentions);
    }

    [Fact]
    public async Task Given_tasks_of_two_workspaces_When_read_together_Then_one_round_trip_returns_the_users_tasks_with_only_their_comments()
    {
        var mine = await TestWorkspace.CreateAsync(fixture.Log, "Mine");
        var theirs = await TestWorkspace.CreateAsync(fixture.Log, "Theirs");
        var myProject = await mine.CreateProjectAsync();
        var first = await myProject.CreateTaskAsync(mine.Owner, "First");
        var second = await myProject.CreateTaskAsync(mine.Owner, "Second");
        var hidden = await (await theirs.CreateProjectAsync()).CreateTaskAsync(theirs.Owner, "Hidden");
        await myProject.CommentAsync(mine.Owner, first, "one");
        await myProject.CommentAsync(mine.Owner, first, "two");
        await fixture.CaughtUpAsync();

        var traceId = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentBag<string>();
        using var source = new ActivitySource("taskforge-test-" + traceId);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == traceId)
                    commands.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        IReadOnlyDictionary<Guid, TaskForge.Projections.Tasks.TaskDetailView> read;
        using (source.StartActivity("read", ActivityKind.Internal, new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)))
            read = await fixture.Tasks.GetManyAsync(mine.Owner, [first, second, hidden]);

        Assert.Equal(new[] { first, second }.Order(), read.Keys.Order());
        Assert.Equal(["one", "two"], read[first].Comments.Select(c => c.Body));
        Assert.Empty(read[second].Comments);
        Assert.Single(commands);
    }

    [Fact]
    public async Task Given_a_deleted_task_or_an_outsider_When_read_Then_there_is_none()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var kept = await project.CreateTaskAsync(workspace.Owner, "Kept");
        var deleted = await project.CreateTaskAsync(workspace.Owner, "Deleted");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(deleted, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        Assert.Null(await fixture.Tasks.GetAsync(workspace.Owner, deleted));
        Assert.Null(await fixture.Tasks.GetAsync(Guid.NewGuid(), kept));
        Assert.NotNull(await fixture.Tasks.GetAsync(workspace.Owner, kept));
    }

    [Fact]
    public async Task Given_a_task_stream_When_reading_its_history_Then_members_get_every_event_from_the_log_and_others_are_refused()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Audit me");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskRenamed(task, project.Id, workspace.Id, "Audited"));
        await fixture.CaughtUpAsync();

        var history = await fixture.History.ReadAsync(workspace.Owner, StreamIds.Task(task));

        Assert.Equal([(1L, "TaskCreated"), (2L, "TaskRenamed")], history.Select(h => (h.Version, h.Type)));
        Assert.Equal(workspace.Owner.ToString(), history[0].ActorId);
        Assert.Contains("Audited", history[1].Data, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => fixture.History.ReadAsync(Guid.NewGuid(), StreamIds.Task(task)));
        Assert.Empty(await fixture.History.ReadAsync(workspace.Owner, StreamIds.Task(Guid.NewGuid())));
    }

    [Fact]
    public async Task Given_an_inbox_stream_When_someone_else_reads_its_history_Then_it_is_refused()
    {
        var owner = Guid.NewGuid();
        await fixture.Log.AppendOneAsync(StreamIds.Inbox(owner), owner, new Domain.Inboxes.InboxEvent.AllNotificationsRead(owner, 1));

        Assert.Single(await fixture.History.ReadAsync(owner, StreamIds.Inbox(owner)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.History.ReadAsync(Guid.NewGuid(), StreamIds.Inbox(owner)));
    }

    [Fact]
    public async Task Given_a_stream_of_no_workspace_When_reading_its_history_Then_it_is_refused_clearly()
    {
        var stream = "other-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(fixture.Store, stream, 1);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.History.ReadAsync(Guid.NewGuid(), stream));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.History.ReadAsync(Guid.NewGuid(), " "));
    }
}
