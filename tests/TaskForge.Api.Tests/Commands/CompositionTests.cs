using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.History;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class CompositionTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_the_event_store_registered_When_AddTaskForgeCommands_Then_one_handler_and_the_history_reader_resolve_and_work()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(fixture.Store).AddTaskForgeCommands();
        await using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();
        var history = await provider.GetRequiredService<HistoryReader>().ReadAsync(board.Owner, board.WorkspaceId, StreamIds.Task(taskId));

        Assert.Same(handler, provider.GetRequiredService<CommandHandler>());
        Assert.Equal(2, Assert.IsType<HistoryResult.Read>(history).Entries.Count);
    }
}
