using System.Collections.Concurrent;
using Npgsql;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Local;

namespace TaskForge.EventStore.Tests.Faults;

/// <summary>Kills a PostgreSQL of its own (not the run's shared cluster) while appends run, then restarts it.</summary>
public sealed class ServerCrashTests
{
    [Fact]
    public async Task Every_acknowledged_append_survives_a_killed_server_and_the_store_reconnects_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-crash-{Guid.NewGuid():N}");
        await using var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString());
        await using var store = new PostgresEventStore(dataSource);
        await store.MigrateAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var acknowledged = new ConcurrentBag<Guid>();
        var failures = 0;
        var restarted = false;

        async Task WriteAsync(int writer)
        {
            for (var i = 0; i < 400 || !Volatile.Read(ref restarted); i++)
            {
                var events = TestEvents.Many(2);
                // Retry the same event ids until the outcome is known: safe because appends are idempotent per id.
                while (true)
                {
                    try
                    {
                        await store.AppendAsync($"crash-{writer}", ExpectedVersion.Any, events, timeout.Token);
                        foreach (var e in events)
                        {
                            acknowledged.Add(e.EventId);
                        }

                        break;
                    }
                    catch (Exception e) when (e is AppendOutcomeUnknownException or NpgsqlException or InvalidOperationException)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(20, timeout.Token);
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(w), timeout.Token)).ToArray();
        while (acknowledged.Count < 200)
        {
            await Task.Delay(5, timeout.Token);
        }

        await cluster.KillAsync(timeout.Token);
        await cluster.StartServerAsync(timeout.Token);
        Volatile.Write(ref restarted, true);
        await Task.WhenAll(writers);

        Assert.True(failures > 0, "the kill interrupted no append");
        var stored = (await LogReader.ReadToHeadAsync(store, 0)).Select(e => e.EventId).ToList();

        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Empty(acknowledged.Except(stored));
        Assert.Equal(acknowledged.Count, stored.Count);
    }
}
