using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Messaging;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Commands;

/// <summary>Guarantee 8: what follows a commit goes through Wolverine's outbox, once per committed command, never for one that did not commit.</summary>
public sealed class OutboxTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_committed_conflicting_and_retried_commands_Then_each_committed_one_is_delivered_once_and_no_other()
    {
        var observer = new RecordingObserver();
        using var host = await CommandHost.StartAsync(database.ConnectionString, services => services.AddSingleton<ICommitObserver>(observer));
        var handler = host.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();

        var renamed = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Delivered")));
        var stale = await TestBoard.FailsAsync(
            handler.HandleAsync(board.Rename(board.Member, taskId, "Never"), new CommandOptions(ExpectedVersion: renamed.Version - 1)), ErrorCodes.Conflict);
        var retried = await TestBoard.SucceedsAsync(host.Services.GetRequiredService<CommandExecutor>()
            .WithAppender(inner => new InterleavingAppender(inner, () => TestBoard.SucceedsAsync(handler.HandleAsync(board.AddLabel(board.SecondMember, taskId, "theirs")))))
            .ExecuteAsync(new Api.Commands.Plans.TaskCommandPlan(board.AddLabel(board.Member, taskId, "mine")), null, CancellationToken.None));
        var keyed = new CommandOptions("outbox-" + Guid.NewGuid());
        await TestBoard.SucceedsAsync(handler.HandleAsync(board.Watch(board.SecondMember, taskId), keyed));
        await TestBoard.SucceedsAsync(handler.HandleAsync(board.Watch(board.SecondMember, taskId), keyed));

        // Committed on the task: its creation, the rename, their label, my label (after one conflict), the watch (keyed, twice).
        await WaitAsync(() => Task.FromResult(observer.Received.Count(m => m.StreamId == StreamIds.Task(taskId)) >= 5));
        // Nothing is left to deliver (a duplicate or a late message would still sit in Wolverine's envelope tables).
        await WaitAsync(async () => await PendingEnvelopesAsync() == 0);
        var onTask = observer.Received.Where(m => m.StreamId == StreamIds.Task(taskId)).ToList();

        Assert.Equal(["CreateTask", "RenameTask", "AddTaskLabel", "AddTaskLabel", "WatchTask"], onTask.Select(m => m.CommandType));
        Assert.Single(onTask, m => m.StreamVersion == renamed.Version && m.EventTypes.SequenceEqual(["TaskRenamed"]));
        Assert.Single(onTask, m => m.StreamVersion == retried.Version);
        Assert.Single(onTask, m => m.CommandType == "RenameTask");
        Assert.Equal(renamed.Version, stale.CurrentVersion);
        Assert.Equal(onTask.Count, onTask.Select(m => m.CommandId).Distinct().Count());
        await host.StopAsync();
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the outbox did not deliver in time");
            await Task.Delay(20);
        }
    }

    // Envelopes still waiting in the outbox, or received but not yet handled.
    private async Task<long> PendingEnvelopesAsync()
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM taskforge.wolverine_outgoing_envelopes)
                 + (SELECT count(*) FROM taskforge.wolverine_incoming_envelopes WHERE status <> 'Handled')
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class RecordingObserver : ICommitObserver
    {
        private readonly ConcurrentQueue<CommandCommitted> _received = new();

        public IReadOnlyList<CommandCommitted> Received => [.. _received];

        public Task OnCommittedAsync(CommandCommitted committed, CancellationToken cancellationToken)
        {
            _received.Enqueue(committed);
            return Task.CompletedTask;
        }
    }
}
