using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Storage.Local;

namespace TaskForge.Api.Tests.Faults;

/// <summary>Kills a PostgreSQL of its own (not the run's shared cluster) while commands run, then restarts it.</summary>
public sealed class ServerCrashTests
{
    [Fact]
    public async Task Every_acknowledged_command_survives_a_killed_server_and_the_host_recovers_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-crash-{Guid.NewGuid():N}");
        await using var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        using var host = await CommandHost.StartAsync(cluster.ConnectionString());
        var handler = host.Services.GetRequiredService<CommandHandler>();
        var board = await TestBoard.CreateAsync(handler);
        var tasks = new[] { await board.NewTaskAsync(), await board.NewTaskAsync(), await board.NewTaskAsync(), await board.NewTaskAsync() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var acknowledged = new ConcurrentBag<long>();
        var failures = 0;
        var restarted = false;

        async Task WriteAsync(int writer)
        {
            for (var i = 0; i < 60 || !Volatile.Read(ref restarted); i++)
            {
                // Retried under its key until the outcome is known: the key makes the retry safe.
                var options = new CommandOptions($"crash-{writer}-{i}");
                while (true)
                {
                    timeout.Token.ThrowIfCancellationRequested();
                    var result = await handler.HandleAsync(board.Rename(board.Member, tasks[writer], $"title {i}"), options, timeout.Token);
                    if (result is CommandResult.Succeeded succeeded)
                    {
                        foreach (var position in succeeded.Positions)
                            acknowledged.Add(position);
                        break;
                    }

                    Interlocked.Increment(ref failures);
                    await Task.Delay(50, timeout.Token);
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w), timeout.Token)).ToArray();
        while (acknowledged.Count < 40)
            await Task.Delay(5, timeout.Token);

        await cluster.KillAsync(timeout.Token);
        await cluster.StartServerAsync(timeout.Token);
        Volatile.Write(ref restarted, true);
        await Task.WhenAll(writers);

        Assert.True(failures > 0, "the kill interrupted no command");
        var store = host.Services.GetRequiredService<Marten.IDocumentStore>();
        var stored = new List<long>();
        foreach (var taskId in tasks)
            stored.AddRange((await store.ReadStreamAsync(StreamIds.Task(taskId))).Where(e => e.Type == "TaskRenamed").Select(e => e.Position));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.True(stored.Count >= 4 * 60);
        await TestBoard.SucceedsAsync(handler.HandleAsync(board.Rename(board.Owner, tasks[0], "Recovered")));
        await host.StopAsync();
    }
}
