using Microsoft.AspNetCore.Authentication;

namespace TaskForge.Api.Accounts;

/// <summary>
/// A request that carries credentials must carry valid ones: a bad token or key gets 401 on every endpoint, even on one
/// that allows anonymous requests (GraphQL), rather than silently running as anonymous. Requests without credentials pass.
/// </summary>
internal sealed class InvalidCredentialsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var carriesCredentials = !Operations.ProbePaths.IsProbe(context.Request.Path)
            && (context.Request.Headers.Authorization.Count > 0 || context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName));
        if (carriesCredentials && context.User.Identity?.IsAuthenticated != true)
        {
            // Handlers cache their result per request, so this does not validate the token a second time.
            var result = await context.AuthenticateAsync();
            if (result.Failure is not null)
            {
                await context.ChallengeAsync();
                return;
            }
        }

        await next(context);
    }
}
