using System.Security.Claims;

namespace TaskForge.Api.Accounts;

internal static class AuthEndpoints
{
    /// <summary><c>GET /auth/me</c>: the caller's profile as JSON (401 without valid credentials), with the same id as GraphQL's <c>me</c>. Handy for scripts.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/auth/me", async Task<IResult> (ClaimsPrincipal principal, AccountService accounts, CancellationToken ct) =>
            principal.UserId() is { } id && await accounts.ProfileAsync(id, ct) is { } profile
                ? TypedResults.Ok(MeResponse.From(profile))
                : TypedResults.NotFound())
            .RequireAuthorization();
        return endpoints;
    }
}
