using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaskForge.Realtime.Presence;

/// <summary>Every <see cref="RealtimeOptions.PresenceHeartbeat"/>: this node's presence kept alive, expired members dropped.</summary>
public sealed partial class PresenceHeartbeat(PresenceService presence, IOptions<RealtimeOptions> options, TimeProvider clock, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceHeartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await presence.HeartbeatAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat failed; retrying at the next one")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
