using TaskForge.Storage.Events;

namespace TaskForge.Api.Commands;

/// <summary>
/// Where a command's request came from, written as headers on each of its events for auditors: the client's IP address
/// (the connection's, or the forwarded client's when the host trusts its proxies, see <c>ForwardedHeaders:TrustedProxies</c>)
/// and its User-Agent.
/// </summary>
public sealed record RequestOrigin(string? ClientIp, string? UserAgent)
{
    /// <summary>The key under which a GraphQL request's origin is kept in its request items.</summary>
    public const string ItemKey = "taskforge.request-origin";

    /// <summary>
    /// The origin of <paramref name="context"/>'s request. The remote address is read after ASP.NET Core's forwarded-headers
    /// middleware, which replaces it with the X-Forwarded-For client only for a trusted proxy.
    /// </summary>
    public static RequestOrigin Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        var ip = address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        var agent = context.Request.Headers.UserAgent.ToString();
        agent = new string([.. agent.Where(c => !char.IsControl(c))]);
        if (agent.Length > EventHeaders.MaxUserAgentLength)
            agent = agent[..EventHeaders.MaxUserAgentLength];
        return new RequestOrigin(ip, agent.Length == 0 ? null : agent);
    }
}
