using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Tests.Commands;

/// <summary>
/// A refused append takes no sequence number (ADR 0144). Marten's daemon waits a rolled-back gap out for its whole
/// StaleSequenceThreshold (3 s) before it certifies anything past it, so every conflict used to hold every read model,
/// every mutation's read-your-writes wait and every live client for 3 s.
/// </summary>
public sealed class RefusedAppendTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    private LogEnd LogEnd => fixture.Host.Services.GetRequiredService<LogEnd>();

    [Fact]
    public async Task Bug_given_eight_renames_racing_on_one_version_Then_the_refused_seven_take_no_sequence_number()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var seen = await fixture.Store.ReadStreamVersionAsync(StreamIds.Task(taskId));
        var before = await LogEnd.ReadAsync();

        var results = await AtOnce.RunAsync(8, i => fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, $"Title {i}"), new CommandOptions(ExpectedVersion: seen)));

        var committed = Assert.Single(results.OfType<CommandResult.Succeeded>());
        Assert.All(results.OfType<CommandResult.Failed>(), failed => Assert.Equal(ErrorCodes.Conflict, failed.Code));
        Assert.Equal(7, results.OfType<CommandResult.Failed>().Count());
        Assert.Equal(before + 1, await LogEnd.ReadAsync());
        Assert.Equal(before + 1, committed.Positions.Single());
    }
}
