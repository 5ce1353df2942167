namespace TaskForge.Api.Operations;

/// <summary>Endpoints for orchestrators and scrapers (health, metrics): never rate-limited and never refused for credentials.</summary>
public static class ProbePaths
{
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
