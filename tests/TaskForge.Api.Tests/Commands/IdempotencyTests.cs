using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Tests.Commands;

public sealed class IdempotencyTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_one_keyed_create_sent_20_times_at_once_When_they_race_Then_its_events_are_stored_once_and_all_get_the_same_result()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var key = "create-" + Guid.NewGuid();
        var taskId = IdempotencyKey.CreatedId(board.Member, key, "task");
        var create = new TaskCommand.CreateTask(board.Member, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, "Ship it");
        var before = await VersionsAsync(board.Streams());

        var results = await AtOnce.RunAsync(20, i => fixture.Handler.HandleAsync(create with { Now = TestBoard.Now.AddSeconds(i) }, new CommandOptions(key)));

        var first = Assert.IsType<CommandResult.Succeeded>(results[0]);
        Assert.All(results, r => Assert.Equal(first, r));
        Assert.Equal(taskId, first.CreatedId);
        Assert.Equal(2, first.Positions.Count);
        var stored = await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId));
        Assert.Equal(["TaskCreated", "TaskWatched"], stored.Select(e => e.Type));
        Assert.Equal(first.Positions, stored.Select(e => e.Position));
        Assert.Equal(before, await VersionsAsync(board.Streams()));
    }

    [Fact]
    public async Task Given_keyed_renames_sent_20_times_at_once_in_several_rounds_When_they_race_Then_each_stores_one_rename_and_one_result()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var logEnd = fixture.Host.Services.GetRequiredService<LogEnd>();
        var before = await logEnd.ReadAsync();

        for (var round = 0; round < 5; round++)
        {
            var rename = board.Rename(board.Member, taskId, $"Once only, round {round}");
            var options = new CommandOptions("rename-" + Guid.NewGuid());
            var results = await AtOnce.RunAsync(20, _ => fixture.Handler.HandleAsync(rename, options));

            var first = Assert.IsType<CommandResult.Succeeded>(results[0]);
            Assert.Single(first.Positions);
            Assert.All(results, r => Assert.Equal(first, r));
        }

        Assert.Equal(5, (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Count(e => e.Type == "TaskRenamed"));
        // The 95 retries were refused before the append (ADR 0144): they took no sequence number, and left no gap.
        Assert.Equal(before + 5, await logEnd.ReadAsync());
    }

    [Fact]
    public async Task Given_a_stored_keyed_command_When_retried_after_the_stream_moved_on_Then_the_first_result_comes_back()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));
        var options = new CommandOptions("label-" + Guid.NewGuid(), ExpectedVersion: seen);
        var first = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "docs"), options));
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Moved on")));

        var again = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "docs"), options));

        Assert.Equal(first, again);
        Assert.Equal(seen + 2, await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId)));
    }

    [Fact]
    public async Task Given_a_used_key_When_the_same_actor_sends_another_command_with_it_Then_IDEMPOTENCY_KEY_REUSED_and_nothing_is_written()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("key-" + Guid.NewGuid());
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "First use"), options));
        var version = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));

        await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Other title"), options), CommandErrorCodes.IdempotencyKeyReused);
        await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "x"), options), CommandErrorCodes.IdempotencyKeyReused);

        Assert.Equal(version, await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId)));
    }

    [Fact]
    public async Task Given_a_key_used_by_one_actor_When_another_actor_uses_it_Then_it_is_a_different_key()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("shared-" + Guid.NewGuid());
        var mine = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "mine"), options));

        var theirs = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.SecondMember, taskId, "theirs"), options));

        Assert.NotEqual(mine.Positions, theirs.Positions);
    }

    [Fact]
    public async Task Given_two_different_commands_racing_with_one_key_When_both_run_Then_one_wins_and_the_other_is_refused()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("race-" + Guid.NewGuid());

        var results = await Task.WhenAll(
            Task.Run(() => fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Title A"), options)),
            Task.Run(() => fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Title B"), options)));

        Assert.Single(results.OfType<CommandResult.Succeeded>());
        var refused = Assert.Single(results.OfType<CommandResult.Failed>());
        Assert.Equal(CommandErrorCodes.IdempotencyKeyReused, refused.Code);
        Assert.Single(await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId)), e => e.Type == "TaskRenamed");
    }

    private Task<long[]> VersionsAsync(IEnumerable<string> streams) =>
        Task.WhenAll(streams.Select(s => fixture.Store.ReadStreamVersionAsync(s)));

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("bell\u0007")]
    public async Task Given_a_malformed_key_When_handled_Then_VALIDATION(string key)
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();

        await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "x"), new CommandOptions(key)), ErrorCodes.Validation);
    }
}
