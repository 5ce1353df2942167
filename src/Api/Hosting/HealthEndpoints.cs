using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TaskForge.Api.Hosting;

public static class HealthEndpoints
{
    /// <summary>/health/live answers while the process runs; /health/ready when PostgreSQL answers too.</summary>
    public static IEndpointRouteBuilder MapTaskForgeHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
