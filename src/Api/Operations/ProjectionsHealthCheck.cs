using JasperFx;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using IProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace TaskForge.Api.Operations;

/// <summary>
/// Whether projections run (ADR 0083). On the node holding the daemon's HotCold leadership its agents run here; a paused
/// agent (Marten restarts it after its health-check interval) is Degraded, which still answers 200. A standby node has
/// no agents: projections run on the leader, and this node serves reads all the same, so it is Healthy and says so.
/// </summary>
internal sealed class ProjectionsHealthCheck(IServiceProvider services, ProjectionsHealthCheck.Settings settings) : IHealthCheck
{
    public sealed record Settings(bool RunProjections);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.RunProjections)
            return Task.FromResult(HealthCheckResult.Healthy("this node runs no projections (TaskForge:RunProjections is false): other nodes run them"));

        if (services.GetService<IProjectionCoordinator>() is not { } coordinator)
            return Task.FromResult(HealthCheckResult.Unhealthy("Marten's async daemon is not registered"));

        var agents = coordinator.DaemonForMainDatabase().CurrentAgents();
        var byStatus = agents.GroupBy(agent => agent.Status).ToDictionary(group => group.Key, group => group.Select(agent => agent.Name.Identity).Order().ToList());
        var data = byStatus.ToDictionary(pair => pair.Key.ToString(), pair => (object)string.Join(", ", pair.Value));

        if (byStatus.TryGetValue(AgentStatus.Paused, out var paused))
            return Task.FromResult(HealthCheckResult.Degraded($"leader: {paused.Count} of {agents.Count} projections paused after a failure, restarted by the daemon: {string.Join(", ", paused)}", data: data));
        if (byStatus.TryGetValue(AgentStatus.Running, out var running))
            return Task.FromResult(HealthCheckResult.Healthy($"leader: {running.Count} projections running on this node", data));
        return Task.FromResult(HealthCheckResult.Healthy(
            "standby: no projection runs on this node; the node holding the daemon's leadership runs them, and this node takes over when that node stops", data));
    }
}
