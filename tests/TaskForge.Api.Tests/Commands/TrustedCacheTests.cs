using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Conflicts;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Commands;

/// <summary>
/// A command whose streams are all in the state cache decides without reading them, and its append checks that they
/// have not changed (ADR 0125). Two hosts on one database are two API nodes, each with its own cache.
/// </summary>
public sealed class TrustedCacheTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_every_stream_of_a_command_cached_When_it_runs_Then_it_makes_one_round_trip_fewer_than_with_a_cold_cache()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Warm")));
        using var coldNode = await CommandHost.StartAsync(fixture.ConnectionString);
        // The cold node's first command may still see Marten check its schema (extra statements in the count): it runs
        // one on a board of its own first, so only its state cache is cold for this board's streams.
        await (await TestBoard.CreateAsync(coldNode.Services.GetRequiredService<CommandHandler>())).NewTaskAsync();

        var warm = await CountStatementsAsync(() => fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Trusted")));
        var cold = await CountStatementsAsync(() => coldNode.Services.GetRequiredService<CommandHandler>().HandleAsync(board.Rename(board.Member, taskId, "Read")));

        Assert.Equal(cold - 1, warm);
        var task = await fixture.LoadAsync<TaskState, TaskEvent>(StreamIds.Task(taskId), TaskDecider.Initial, TaskDecider.Evolve, default);
        Assert.Equal("Read", Assert.IsType<TaskState.Active>(task.State).Details.Title);
        Assert.Equal(3, (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Count(e => e.Type == "TaskRenamed"));
        await coldNode.StopAsync();
    }

    [Fact]
    public async Task Given_a_member_removed_on_another_node_When_this_node_decides_on_its_cached_workspace_Then_the_append_is_refused_and_the_command_is_not_allowed()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "Before")));
        using var otherNode = await CommandHost.StartAsync(fixture.ConnectionString);
        await TestBoard.SucceedsAsync(otherNode.Services.GetRequiredService<CommandHandler>().HandleAsync(
            new WorkspaceCommand.RemoveMember(board.Owner, TestBoard.Now, board.WorkspaceId, board.Member)));
        var versionBefore = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));

        await TestBoard.FailsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "After removal")), ErrorCodes.NotFound);

        Assert.Equal(versionBefore, await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId)));
        await otherNode.StopAsync();
    }

    [Fact]
    public async Task Given_a_task_renamed_on_another_node_before_the_command_started_When_this_node_renames_it_from_its_stale_cache_Then_it_succeeds_on_the_current_state()
    {
        var seen = new SettablePosition();
        using var node = await CommandHost.StartAsync(fixture.ConnectionString, services => services.AddSingleton<ISeenPosition>(seen));
        var handler = node.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();
        var elsewhere = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Other node")));
        seen.Position = elsewhere.Positions[^1];

        var renamed = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "This node")));

        Assert.Equal(elsewhere.Version + 1, renamed.Version);
        var events = await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId));
        Assert.Equal(2, events.Count(e => e.Type == "TaskRenamed"));
        await node.StopAsync();
    }

    [Fact]
    public async Task Given_a_task_renamed_on_another_node_after_this_node_last_saw_the_log_When_this_node_renames_it_Then_CONFLICT_and_the_other_edit_stays()
    {
        var seen = new SettablePosition();
        using var node = await CommandHost.StartAsync(fixture.ConnectionString, services => services.AddSingleton<ISeenPosition>(seen));
        var handler = node.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var created = await TestBoard.SucceedsAsync(handler.HandleAsync(new TaskCommand.CreateTask(
            board.Member, TestBoard.Now, board.WorkspaceId, board.ProjectId, Guid.NewGuid(), "Launch post")));
        var taskId = created.CreatedId!.Value;
        seen.Position = created.Positions[^1];
        var elsewhere = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Other node")));

        var failed = await TestBoard.FailsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "This node")), ErrorCodes.Conflict);

        Assert.Equal(elsewhere.Version, failed.CurrentVersion);
        var task = await fixture.LoadAsync<TaskState, TaskEvent>(StreamIds.Task(taskId), TaskDecider.Initial, TaskDecider.Evolve, default);
        Assert.Equal("Other node", Assert.IsType<TaskState.Active>(task.State).Details.Title);
        await node.StopAsync();
    }

    [Fact]
    public async Task Given_a_create_whose_stream_another_try_of_its_key_made_first_When_this_try_assumed_it_new_Then_the_first_result_comes_back_and_nothing_more_is_written()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var options = new CommandOptions(IdempotencyKey: "create-" + Guid.NewGuid().ToString("N"));
        var taskId = Api.Commands.Idempotency.IdempotencyKey.CreatedId(board.Member, options.IdempotencyKey!, "task");
        var create = new TaskCommand.CreateTask(board.Member, TestBoard.Now, board.WorkspaceId, board.ProjectId, taskId, "Once");
        CommandResult.Succeeded? first = null;
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, async () =>
            first = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(create, options))));

        var second = await TestBoard.SucceedsAsync(handler.HandleAsync(create, options));

        Assert.Equal(first!.Positions, second.Positions);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Version, (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Count);
    }

    /// <summary>How many statements Npgsql sends while <paramref name="command"/> runs (each batch counts once).</summary>
    private static async Task<int> CountStatementsAsync(Func<Task<CommandResult>> command)
    {
        using var parent = new Activity("count-round-trips").Start();
        using var sent = new NpgsqlTraceRecorder(parent.TraceId);
        await TestBoard.SucceedsAsync(command());
        return sent.Recorded.Count;
    }

    private sealed class SettablePosition : ISeenPosition
    {
        public long Position { get; set; }
    }
}
