using TaskForge.Api.Commands;
using TaskForge.Api.Commands.History;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Tests.Commands;

public sealed class AuthorizationTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_a_viewer_When_they_send_any_kind_of_change_Then_FORBIDDEN_and_nothing_is_written()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var before = await VersionsAsync(board.Streams(taskId));

        foreach (var handling in ChangesBy(board, board.Viewer, taskId))
            await TestBoard.FailsAsync(handling, ErrorCodes.Forbidden);

        Assert.Equal(before, await VersionsAsync(board.Streams(taskId)));
    }

    [Fact]
    public async Task Given_an_auditor_When_they_send_changes_Then_FORBIDDEN_but_they_can_read_the_tasks_history()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Second title")));

        foreach (var handling in ChangesBy(board, board.Auditor, taskId))
            await TestBoard.FailsAsync(handling, ErrorCodes.Forbidden);
        var history = Assert.IsType<HistoryResult.Read>(await fixture.History.ReadAsync(board.Auditor, board.WorkspaceId, StreamIds.Task(taskId)));

        Assert.Equal(["TaskCreated", "TaskWatched", "TaskRenamed"], history.Entries.Select(e => e.Type));
        Assert.Equal("Second title", Assert.IsType<TaskEvent.TaskRenamed>(history.Entries[^1].Event).Title);
    }

    [Fact]
    public async Task Given_a_non_member_When_they_touch_an_existing_task_Then_NOT_FOUND_exactly_as_for_a_task_that_does_not_exist()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var missingTaskId = Guid.NewGuid();

        var existing = await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.Rename(board.Outsider, taskId, "Mine now")), ErrorCodes.NotFound);
        var missing = await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.Rename(board.Outsider, missingTaskId, "Mine now")), ErrorCodes.NotFound);
        var stale = await TestBoard.FailsAsync(
            fixture.Handler.HandleAsync(board.Rename(board.Outsider, taskId, "Mine now"), new CommandOptions(ExpectedVersion: 0)),
            ErrorCodes.NotFound);

        Assert.Equal(missing.Error.Message, existing.Error.Message);
        Assert.Null(existing.CurrentVersion);
        Assert.Null(stale.CurrentVersion);
        foreach (var handling in ChangesBy(board, board.Outsider, taskId))
            await TestBoard.FailsAsync(handling, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Given_history_readers_and_others_When_reading_history_Then_only_auditors_admins_and_owners_see_it()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var stream = StreamIds.Task(taskId);

        Assert.IsType<HistoryResult.Read>(await fixture.History.ReadAsync(board.Owner, board.WorkspaceId, stream));
        Assert.Equal(ErrorCodes.Forbidden, Denied(await fixture.History.ReadAsync(board.Member, board.WorkspaceId, stream)));
        Assert.Equal(ErrorCodes.Forbidden, Denied(await fixture.History.ReadAsync(board.Viewer, board.WorkspaceId, stream)));
        Assert.Equal(ErrorCodes.NotFound, Denied(await fixture.History.ReadAsync(board.Outsider, board.WorkspaceId, stream)));
        Assert.Equal(ErrorCodes.NotFound, Denied(await fixture.History.ReadAsync(board.Auditor, board.WorkspaceId, StreamIds.Task(Guid.NewGuid()))));
    }

    [Fact]
    public async Task Given_an_auditor_of_another_workspace_When_reading_this_workspaces_task_through_their_own_Then_NOT_FOUND()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var other = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();

        var result = await fixture.History.ReadAsync(other.Auditor, other.WorkspaceId, StreamIds.Task(taskId));

        Assert.Equal(ErrorCodes.NotFound, Denied(result));
    }

    private Task<long[]> VersionsAsync(IEnumerable<string> streams) =>
        Task.WhenAll(streams.Select(s => fixture.Store.ReadStreamVersionAsync(s)));

    private static string Denied(HistoryResult result) => Assert.IsType<HistoryResult.Denied>(result).Error.Code;

    private static IEnumerable<Task<CommandResult>> ChangesBy(TestBoard board, Guid actor, Guid taskId)
    {
        var handler = board.Handler;
        var now = TestBoard.Now;
        yield return handler.HandleAsync(board.Rename(actor, taskId, "Changed"));
        yield return handler.HandleAsync(board.AddLabel(actor, taskId, "label"));
        yield return handler.HandleAsync(board.Watch(actor, taskId));
        yield return handler.HandleAsync(new TaskCommand.CompleteTask(actor, now, board.WorkspaceId, board.ProjectId, taskId));
        yield return handler.HandleAsync(new TaskCommand.DeleteTask(actor, now, board.WorkspaceId, board.ProjectId, taskId));
        yield return handler.HandleAsync(new TaskCommand.CreateTask(actor, now, board.WorkspaceId, board.ProjectId, Guid.NewGuid(), "New"));
        yield return handler.HandleAsync(new ProjectCommand.RenameProject(actor, now, board.WorkspaceId, board.ProjectId, "Renamed"));
        yield return handler.HandleAsync(new WorkspaceCommand.RenameWorkspace(actor, now, board.WorkspaceId, "Renamed"));
    }
}
