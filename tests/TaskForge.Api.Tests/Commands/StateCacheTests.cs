using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Tests.Commands;

public sealed class StateCacheTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_a_cached_long_stream_When_others_append_Then_a_load_reads_only_their_events_and_equals_a_full_fold()
    {
        using var cache = new StateCache(minimumVersion: 5);
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        for (var i = 0; i < 6; i++)
            await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, $"l{i}")));
        await LoadAsync(cache, taskId);
        Assert.Equal(0, (await LoadAsync(cache, taskId)).EventsRead);

        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Changed elsewhere")));
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Watch(board.SecondMember, taskId)));
        var cached = await LoadAsync(cache, taskId);

        var full = await LoadAsync((StateCache?)null, taskId);
        Assert.Equal(2, cached.EventsRead);
        Assert.Equal(full.Version, cached.Version);
        Assert.Equal(full.Version, full.EventsRead);
        Assert.Equal(Json(full.State), Json(cached.State));
    }

    [Fact]
    public async Task Given_a_state_cached_on_one_node_When_another_node_renamed_the_task_Then_a_stale_edit_still_gets_CONFLICT()
    {
        using var otherNode = await CommandHost.StartAsync(fixture.ConnectionString, services => services.AddSingleton(new StateCache(minimumVersion: 1)));
        var handler = otherNode.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();
        long seen;
        await using (var session = fixture.Store.QuerySession())
            seen = (await LoadAsync(otherNode.Services.GetRequiredService<CommandExecutor>().Loader(session), taskId)).Version;
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Other node")));

        var failed = await TestBoard.FailsAsync(
            handler.HandleAsync(board.Rename(board.Member, taskId, "Stale"), new CommandOptions(ExpectedVersion: seen)), ErrorCodes.Conflict);
        var renamed = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Fresh")));

        Assert.Equal(seen + 1, failed.CurrentVersion);
        Assert.Equal(seen + 2, renamed.Version);
        await otherNode.StopAsync();
    }

    [Fact]
    public async Task Given_a_stream_shorter_than_the_minimum_When_loaded_twice_Then_it_is_folded_from_the_start_each_time()
    {
        using var cache = new StateCache(minimumVersion: 100);
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();

        await LoadAsync(cache, taskId);
        var again = await LoadAsync(cache, taskId);

        Assert.Equal(again.Version, again.EventsRead);
    }

    private async Task<LoadedState<TaskState>> LoadAsync(StateCache? cache, Guid taskId)
    {
        await using var session = fixture.Store.QuerySession();
        return await LoadAsync(new StreamLoader(session, cache), taskId);
    }

    private static Task<LoadedState<TaskState>> LoadAsync(StreamLoader loader, Guid taskId) =>
        loader.LoadAsync<TaskState, TaskEvent>(StreamIds.Task(taskId), TaskDecider.Initial, TaskDecider.Evolve, default);

    private static string Json(TaskState state) => JsonSerializer.Serialize(state, state.GetType(), EventJson.Options);
}
