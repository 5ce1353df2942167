using Microsoft.Net.Http.Headers;

namespace TaskForge.Api.Operations;

/// <summary>
/// Answers a browser's GET /graphql (Accept preferring text/html, no <c>query</c> parameter) with GraphiQL's page, and
/// hands every other request, GraphQL over HTTP or WebSocket included, to the rest of the pipeline.
/// </summary>
internal sealed class GraphiQLMiddleware(RequestDelegate next, GraphiQLAssets assets)
{
    public const string Path = "/graphql";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsPageRequest(context.Request))
        {
            await next(context);
            return;
        }

        context.Response.Headers.CacheControl = "no-cache";
        if (assets.IndexFile is not { } index)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "GraphiQL was not built: this build had no node. Install Node.js 20+ with npm and build TaskForge.Api again.", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    internal static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
        && !request.HttpContext.WebSockets.IsWebSocketRequest
        && !request.Query.ContainsKey("query")
        && PrefersHtml(request.GetTypedHeaders().Accept);

    // A browser sends text/html first (q=1) and */* last; a GraphQL client asks for JSON and never for text/html.
    private static bool PrefersHtml(IList<MediaTypeHeaderValue> accept)
    {
        double html = 0, json = 0;
        foreach (var type in accept)
        {
            var quality = type.Quality ?? 1;
            if (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, quality);
            else if (type.MediaType.Value is { } value && (value.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || value.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
                json = Math.Max(json, quality);
        }

        return html > 0 && html >= json;
    }
}
