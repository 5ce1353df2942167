using System.Security.Claims;

namespace TaskForge.GraphQL;

/// <summary>What the host knows about the caller; every resolver reaches it through its context.</summary>
public sealed class RequestContext
{
    public IServiceProvider? Services { get; init; }

    public ClaimsPrincipal? User { get; init; }

    public IDictionary<string, object?> Items { get; init; } = new Dictionary<string, object?>();
}
