using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.Admin;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Hosting;

/// <summary>The composed host: a command through the handler reaches the read models through the projection daemon.</summary>
public sealed class CommandToReadModelTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Bug_feed_read_before_membership_caught_up_A_command_shows_in_the_actors_feed_once_feed_and_membership_passed_it()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString));
        using var client = factory.CreateClient();
        var handler = factory.Services.GetRequiredService<CommandHandler>();
        var (owner, workspaceId, projectId, now) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);

        var created = await handler.HandleAsync(new WorkspaceCommand.CreateWorkspace(owner, now, workspaceId, "Launch", "ada@example.com"));
        var project = await handler.HandleAsync(new ProjectCommand.CreateProject(owner, now, workspaceId, projectId, "Website"));

        var succeeded = Assert.IsType<CommandResult.Succeeded>(project);
        var workspaceCreated = Assert.IsType<CommandResult.Succeeded>(created);
        // The feed reader keeps readers to their workspaces through the membership read model, another projection
        // with its own progression: both must have passed the event.
        var admin = factory.Services.GetRequiredService<ProjectionAdmin>();
        await WaitForCheckpointAsync(admin, "membership", workspaceCreated.Positions[^1]);
        await WaitForCheckpointAsync(admin, "feed", succeeded.Positions[^1]);
        var feed = await factory.Services.GetRequiredService<FeedReader>().ListAsync(owner);
        Assert.Contains(feed.Entries, e => e.WorkspaceId == workspaceId && e.TargetId == projectId);
        Assert.Empty((await factory.Services.GetRequiredService<FeedReader>().ListAsync(Guid.NewGuid())).Entries);
    }

    private static async Task WaitForCheckpointAsync(ProjectionAdmin admin, string projection, long position)
    {
        var started = Stopwatch.GetTimestamp();
        while (await admin.ProgressionAsync(projection) < position)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60), $"{projection} did not reach {position}");
            await Task.Delay(20);
        }
    }
}
