using TaskForge.Storage.Local;

namespace TaskForge.Storage.Tests.Local;

public sealed class LocalPostgresClusterTests
{
    [Fact]
    public async Task A_second_start_on_a_running_cluster_reuses_it_and_only_the_starter_stops_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-local-{Guid.NewGuid():N}");
        await using var first = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        var second = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: false);

        Assert.True(first.StartedByThisProcess);
        Assert.False(second.StartedByThisProcess);
        Assert.Equal(first.Port, second.Port);

        Assert.True(await first.StopGracefullyAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await second.StopGracefullyAsync(TimeSpan.FromSeconds(5)));
        Assert.False(File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")));
    }
}
