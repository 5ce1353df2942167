using System.Security.Claims;
using TaskForge.Api.Accounts;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Schema;

/// <summary>The authenticated user a resolver acts for: their id and email come from the token's claims.</summary>
public sealed record Caller(Guid Id, string Email)
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller, or a GraphQL error UNAUTHENTICATED when the request carries no valid credentials.</summary>
    public static Caller Require(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Find(context.User) ?? throw new GraphQLException("Sign in first: send an access token (Authorization: Bearer) or an API key (X-API-Key).", Unauthenticated);
    }

    public static Caller? Find(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return user.UserId() is { } userId ? new Caller(userId, user.Email() ?? "") : null;
    }
}
