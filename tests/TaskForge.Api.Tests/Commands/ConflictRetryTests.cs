using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.Commands;

public sealed class ConflictRetryTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_a_label_added_by_someone_else_after_the_load_When_adding_another_label_Then_it_retries_and_both_stay()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, () =>
            TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.SecondMember, taskId, "backend")))));

        await TestBoard.SucceedsAsync(handler.HandleAsync(board.AddLabel(board.Member, taskId, "urgent")));

        Assert.Equal(2, appender!.Appends);
        var task = await LoadAsync(taskId);
        Assert.Equal(["backend", "urgent"], task.Details.Labels.Order());
    }

    [Fact]
    public async Task Given_a_watcher_added_after_the_load_When_another_user_watches_Then_it_retries_and_both_watch()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, () =>
            TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Watch(board.SecondMember, taskId)))));

        await TestBoard.SucceedsAsync(handler.HandleAsync(board.Watch(board.Owner, taskId)));

        Assert.Equal(2, appender!.Appends);
        var task = await LoadAsync(taskId);
        Assert.Contains(board.Owner, task.Details.Watchers);
        Assert.Contains(board.SecondMember, task.Details.Watchers);
    }

    [Fact]
    public async Task Given_a_title_edited_after_the_load_When_renaming_Then_no_retry_and_CONFLICT_keeps_the_other_edit()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, () =>
            TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Their title")))));

        var failed = await TestBoard.FailsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "My title")), ErrorCodes.Conflict);

        Assert.Equal(1, appender!.Appends);
        var task = await LoadAsync(taskId);
        Assert.Equal("Their title", task.Details.Title);
        Assert.Equal(await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId)), failed.CurrentVersion);
        Assert.Single(await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId)), e => e.Type == "TaskRenamed");
    }

    [Fact]
    public async Task Given_ten_users_labelling_one_task_at_once_When_all_race_Then_every_label_is_stored()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var labels = Enumerable.Range(1, 10).Select(i => $"label-{i:00}").ToList();

        var results = await Task.WhenAll(labels.Select(label => fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, label))));

        Assert.All(results, r => Assert.IsType<CommandResult.Succeeded>(r));
        Assert.Equal(labels, (await LoadAsync(taskId)).Details.Labels.Order());
    }

    [Fact]
    public async Task Given_retryable_command_with_the_clients_expected_version_When_the_stream_moved_on_Then_CONFLICT_without_retry()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.SecondMember, taskId, "first")));

        var failed = await TestBoard.FailsAsync(
            fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "second"), new CommandOptions(ExpectedVersion: seen)),
            ErrorCodes.Conflict);

        Assert.Equal(seen + 1, failed.CurrentVersion);
        Assert.Equal(["first"], (await LoadAsync(taskId)).Details.Labels);
    }

    [Fact]
    public async Task Given_ten_members_commenting_on_one_task_at_once_When_all_race_Then_every_comment_is_stored()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var comments = Enumerable.Range(1, 10).Select(i => board.Comment(i % 2 == 0 ? board.Member : board.SecondMember, taskId, $"comment {i}")).ToList();

        var results = await Task.WhenAll(comments.Select(c => fixture.Handler.HandleAsync(c)));

        Assert.All(results, r => Assert.IsType<CommandResult.Succeeded>(r));
        Assert.Equal(comments.Select(c => (Guid?)c.CommentId), results.Select(r => ((CommandResult.Succeeded)r).CreatedId));
        foreach (var comment in comments)
            Assert.Single(await fixture.Store.ReadStreamAsync(StreamIds.Comment(comment.CommentId)));
    }

    [Fact]
    public async Task Given_a_comment_edited_by_its_author_after_the_load_When_an_admin_deletes_it_Then_the_delete_retries_and_succeeds()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var comment = board.Comment(board.Member, taskId, "first draft");
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(comment));
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, () => TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(
            new CommentCommand.EditComment(board.Member, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, comment.CommentId, "second draft")))));

        await TestBoard.SucceedsAsync(handler.HandleAsync(
            new CommentCommand.DeleteComment(board.Owner, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, comment.CommentId)));

        Assert.Equal(2, appender!.Appends);
        Assert.Equal(["CommentAdded", "CommentEdited", "CommentDeleted"], (await fixture.Store.ReadStreamAsync(StreamIds.Comment(comment.CommentId))).Select(e => e.Type));
    }

    [Fact]
    public async Task Given_a_comment_deleted_after_the_load_When_its_author_edits_it_Then_no_retry_and_CONFLICT()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var comment = board.Comment(board.Member, taskId, "first draft");
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(comment));
        var handler = fixture.HandlerWith(inner => new InterleavingAppender(inner, () => TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(
            new CommentCommand.DeleteComment(board.Owner, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, comment.CommentId)))));

        await TestBoard.FailsAsync(
            handler.HandleAsync(new CommentCommand.EditComment(board.Member, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, comment.CommentId, "edit")),
            ErrorCodes.Conflict);
    }

    private async Task<TaskState.Active> LoadAsync(Guid taskId)
    {
        var loaded = await fixture.LoadAsync<TaskState, TaskEvent>(StreamIds.Task(taskId), TaskDecider.Initial, TaskDecider.Evolve, default);
        return Assert.IsType<TaskState.Active>(loaded.State);
    }
}
