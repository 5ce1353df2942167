using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.Commands;

public sealed class LostUpdateTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_two_clients_that_saw_the_same_version_When_both_rename_the_task_Then_one_commits_and_the_other_gets_CONFLICT()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));

        var results = await Task.WhenAll(
            fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Title from Ana"), new CommandOptions(ExpectedVersion: seen)),
            fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Title from Bo"), new CommandOptions(ExpectedVersion: seen)));

        var committed = Assert.Single(results.OfType<CommandResult.Succeeded>());
        var rejected = Assert.Single(results.OfType<CommandResult.Failed>());
        Assert.Equal(ErrorCodes.Conflict, rejected.Code);
        Assert.Equal(seen + 1, rejected.CurrentVersion);
        Assert.Equal(seen + 1, committed.Version);
        var renames = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Where(e => e.Type == "TaskRenamed").ToList();
        Assert.Single(renames);
        Assert.Equal(committed.Positions.Single(), renames[0].Position);
    }

    [Fact]
    public async Task Given_a_client_that_saw_an_old_version_When_it_renames_Then_CONFLICT_names_the_current_version_and_nothing_is_written()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Renamed first")));

        var failed = await TestBoard.FailsAsync(
            fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Stale rename"), new CommandOptions(ExpectedVersion: seen)),
            ErrorCodes.Conflict);

        Assert.Equal(seen + 1, failed.CurrentVersion);
        var task = await fixture.LoadAsync<TaskState, TaskEvent>(StreamIds.Task(taskId), TaskDecider.Initial, TaskDecider.Evolve, default);
        Assert.Equal("Renamed first", Assert.IsType<TaskState.Active>(task.State).Details.Title);
        Assert.Equal(seen + 1, task.Version);
    }

    [Fact]
    public async Task Given_the_current_version_When_a_client_renames_Then_it_commits_at_the_next_version()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));

        var result = await TestBoard.SucceedsAsync(
            fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Fresh title"), new CommandOptions(ExpectedVersion: seen)));

        Assert.Equal(StreamIds.Task(taskId), result.StreamId);
        Assert.Equal(seen + 1, result.Version);
        Assert.Single(result.Positions);
        Assert.Null(result.CreatedId);
    }

    [Fact]
    public async Task Given_a_negative_expected_version_When_handled_Then_VALIDATION()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();

        await TestBoard.FailsAsync(
            fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "x"), new CommandOptions(ExpectedVersion: -3)),
            ErrorCodes.Validation);
    }
}
