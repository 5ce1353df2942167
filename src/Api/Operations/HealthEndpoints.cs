using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TaskForge.Api.Operations;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c> answers 200 while the process runs (no check); <c>/health/ready</c> runs the checks tagged
    /// "ready" and answers 200 (Healthy or Degraded) or 503, with a JSON body listing each check.
    /// </summary>
    public static IEndpointRouteBuilder MapTaskForgeHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessSetup.ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return endpoints;
    }
}
