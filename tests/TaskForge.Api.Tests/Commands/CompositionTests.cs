using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.History;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class CompositionTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_the_API_composition_When_resolved_Then_one_handler_and_the_history_reader_resolve_and_work()
    {
        var handler = fixture.Host.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();
        var history = await fixture.Host.Services.GetRequiredService<HistoryReader>().ReadAsync(board.Owner, board.WorkspaceId, StreamIds.Task(taskId));

        Assert.Same(handler, fixture.Host.Services.GetRequiredService<CommandHandler>());
        Assert.Equal(2, Assert.IsType<HistoryResult.Read>(history).Entries.Count);
    }
}
