using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Faults;

/// <summary>The connection is cut while PostgreSQL answers the COMMIT: the events are stored, the caller never hears so.</summary>
public sealed class LostAcknowledgementTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_a_commit_whose_answer_is_lost_When_the_caller_retries_with_its_key_Then_exactly_one_copy_exists()
    {
        await using var proxy = new CuttingProxy(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        using var host = await CommandHost.StartAsync(proxied);
        var handler = host.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("rename-" + Guid.NewGuid());

        proxy.CutResponseContaining("COMMIT\0");
        var first = await handler.HandleAsync(board.Rename(board.Member, taskId, "Committed in the dark"), options);
        var retried = await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Member, taskId, "Committed in the dark"), options));

        // The first answer is either the stored result (found by its event ids after the cut) or UNAVAILABLE; never a second copy.
        if (first is CommandResult.Succeeded succeeded)
            Assert.Equal(retried, succeeded);
        else
            Assert.Equal(CommandErrorCodes.Unavailable, Assert.IsType<CommandResult.Failed>(first).Code);
        var renames = (await host.Services.GetRequiredService<Marten.IDocumentStore>().ReadStreamAsync(StreamIds.Task(taskId)))
            .Where(e => e.Type == "TaskRenamed").ToList();
        Assert.Equal(retried.Positions, renames.Select(e => e.Position));
        await host.StopAsync();
    }
}
