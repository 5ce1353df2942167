using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskForge.Api.Accounts;
using TaskForge.GraphQL;
using TaskForge.GraphQL.WebSockets;

namespace TaskForge.Api.Realtime;

/// <summary>
/// graphql-transport-ws sign-in: browsers cannot set headers on a WebSocket, so <c>connection_init</c>'s payload may carry
/// <c>{ "authorization": "Bearer &lt;access token&gt;" }</c>. A token that does not validate closes the socket with 4403.
/// Without one, the upgrade request's own credentials (an <c>Authorization</c> header) or none apply.
/// </summary>
public static class GraphQLWsAuthentication
{
    public static async ValueTask<GraphQLWsConnectResult> ConnectAsync(GraphQLWsConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (context.Payload is null || !context.Payload.TryGetValue("authorization", out var value) || value is not string { Length: > 0 } text)
            return GraphQLWsConnectResult.Accept();
        var token = text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        var issuer = http.RequestServices.GetRequiredService<TokenIssuer>();
        var handler = new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = TokenIssuer.MaximumTokenBytes };
        var result = await handler.ValidateTokenAsync(token, issuer.ValidationParameters());
        return result.IsValid
            ? GraphQLWsConnectResult.Accept(new RequestContext
            {
                User = new ClaimsPrincipal(result.ClaimsIdentity),
                Services = http.RequestServices,
                Items = new Dictionary<string, object?> { [Commands.RequestOrigin.ItemKey] = Commands.RequestOrigin.Of(http) },
            })
            : GraphQLWsConnectResult.Reject();
    }
}
