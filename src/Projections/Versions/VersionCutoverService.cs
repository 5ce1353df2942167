using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Versions;

/// <summary>
/// Serves a newly deployed read-model version once it has caught up (ADR 0074). Runs on every node; the switch itself
/// takes a database lock, so two nodes never switch twice.
/// </summary>
internal sealed class VersionCutoverService(
    ReadModelCatalog catalog, ReadModelVersions versions, ProjectionProgress progress, ILogger<VersionCutoverService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = catalog.Projections.ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var rows = await progress.ReadAsync(stoppingToken);
                foreach (var projection in pending.ToList())
                {
                    if (await versions.ServingVersionAsync(projection.Name, stoppingToken) is { } serving && serving >= projection.Version)
                    {
                        pending.Remove(projection);
                        continue;
                    }

                    var reached = ProjectionProgress.Of(rows, projection.MartenName);
                    if (await versions.TrySwitchAsync(projection, reached, ProjectionProgress.HighWaterMark(rows), stoppingToken))
                    {
                        logger.LogInformation("Read model {Projection} now serves version {Version} (caught up at {EventId})", projection.Name, projection.Version, reached);
                        pending.Remove(projection);
                    }
                }
            }
            catch (Npgsql.NpgsqlException e)
            {
                logger.LogWarning(e, "Could not check read-model versions; trying again");
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
