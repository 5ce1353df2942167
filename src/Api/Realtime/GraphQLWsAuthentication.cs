using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskForge.Api.Accounts;
using TaskForge.GraphQL;
using TaskForge.GraphQL.WebSockets;

namespace TaskForge.Api.Realtime;

/// <summary>
/// graphql-transport-ws sign-in: browsers cannot set headers on a WebSocket, so <c>connection_init</c>'s payload may carry
/// <c>{ "authorization": "Bearer &lt;access token&gt;" }</c>, the key in any case, as a header name (GraphiQL sends its
/// headers editor as the payload: <c>Authorization</c>). A token that does not validate closes the socket with 4403.
/// Without one, the upgrade request's own credentials (an <c>Authorization</c> header) or none apply. Either way the
/// connection closes (4403) when the token it was accepted with expires: the client signs in again with a fresh token and
/// resumes its subscriptions from the last event id it holds.
/// </summary>
public static class GraphQLWsAuthentication
{
    public static async ValueTask<GraphQLWsConnectResult> ConnectAsync(GraphQLWsConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var value = context.Payload?.FirstOrDefault(p => string.Equals(p.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (value is not string { Length: > 0 } text)
            return GraphQLWsConnectResult.Accept(expiresAt: ExpiryOf(http.User));
        var token = text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        var issuer = http.RequestServices.GetRequiredService<TokenIssuer>();
        var handler = new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = TokenIssuer.MaximumTokenBytes };
        var result = await handler.ValidateTokenAsync(token, issuer.ValidationParameters());
        if (!result.IsValid)
            return GraphQLWsConnectResult.Reject();
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        return GraphQLWsConnectResult.Accept(new RequestContext
        {
            User = user,
            Services = http.RequestServices,
            Items = new Dictionary<string, object?> { [Commands.RequestOrigin.ItemKey] = Commands.RequestOrigin.Of(http) },
        }, expiresAt: ExpiryOf(user));
    }

    /// <summary>The <c>exp</c> of the access token the user signed in with; null for API keys and anonymous callers.</summary>
    private static DateTimeOffset? ExpiryOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue("exp"), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
