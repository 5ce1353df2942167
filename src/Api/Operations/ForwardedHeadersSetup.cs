using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TaskForge.Api.Operations;

/// <summary>
/// X-Forwarded-For is honoured only from the proxies listed in <c>ForwardedHeaders:TrustedProxies</c> (IP addresses or
/// CIDR networks): then ASP.NET Core's forwarded-headers middleware sets the connection's remote address to the client
/// the proxy names (audit headers and per-IP rate limits see the client). With none listed the header is ignored, since
/// any client could write it.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SettingName = "ForwardedHeaders:TrustedProxies";

    public static WebApplicationBuilder AddTaskForgeForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var trusted = builder.Configuration.GetSection(SettingName).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // ASP.NET Core trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return builder;
    }

    /// <summary>Runs the forwarded-headers middleware when proxies are trusted; call it first in the pipeline.</summary>
    public static WebApplication UseTaskForgeForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if ((app.Configuration.GetSection(SettingName).Get<string[]>() ?? []).Length > 0)
            app.UseForwardedHeaders();
        return app;
    }
}
