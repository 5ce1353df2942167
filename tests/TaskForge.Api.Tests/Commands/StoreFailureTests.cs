using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class StoreFailureTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_an_append_that_committed_but_lost_its_answer_When_handled_Then_its_events_are_found_by_id_and_it_succeeds_once()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var broken = (BrokenConnectionAppender?)null;
        var handler = fixture.HandlerWith(inner => broken = new BrokenConnectionAppender(inner, failures: 1, committed: true));

        var result = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Survived")));

        Assert.Equal(1, broken!.Calls);
        var renames = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Where(e => e.Type == "TaskRenamed").ToList();
        Assert.Equal(result.Positions, renames.Select(e => e.Position));
    }

    [Fact]
    public async Task Given_an_append_that_did_not_commit_and_lost_its_answer_When_handled_Then_it_is_resent_with_the_same_ids_and_stored_once()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var broken = (BrokenConnectionAppender?)null;
        var handler = fixture.HandlerWith(inner => broken = new BrokenConnectionAppender(inner, failures: 1, committed: false));

        var result = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Second try")));

        Assert.Equal(2, broken!.Calls);
        var renames = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Where(e => e.Type == "TaskRenamed").ToList();
        Assert.Equal(result.Positions, renames.Select(e => e.Position));
    }

    [Fact]
    public async Task Given_appends_whose_outcome_stays_unknown_When_handled_Then_UNAVAILABLE_after_one_safe_retry()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var broken = (BrokenConnectionAppender?)null;
        var handler = fixture.HandlerWith(inner => broken = new BrokenConnectionAppender(inner, failures: 2, committed: false));

        await TestBoard.FailsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Lost")), CommandErrorCodes.Unavailable);

        Assert.Equal(2, broken!.Calls);
        Assert.DoesNotContain(await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId)), e => e.Type == "TaskRenamed");
    }

    [Fact]
    public async Task Given_a_keyed_command_that_got_UNAVAILABLE_When_the_client_retries_with_its_key_Then_it_is_stored_once()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("flaky-" + Guid.NewGuid());
        var handler = fixture.HandlerWith(inner => new BrokenConnectionAppender(inner, failures: 2, committed: false));
        await TestBoard.FailsAsync(handler.HandleAsync(board.AddLabel(board.Member, taskId, "flaky"), options), CommandErrorCodes.Unavailable);

        var retried = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "flaky"), options));

        var labels = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Where(e => e.Type == "TaskLabelAdded").ToList();
        Assert.Equal(retried.Positions, labels.Select(e => e.Position));
    }
}
