using Microsoft.AspNetCore.StaticFiles;

namespace TaskForge.Api.Operations;

/// <summary>
/// GraphiQL (ADR 0081), on when <c>GraphQL:GraphiQL</c> is true; by default on in Development and on the embedded
/// PostgreSQL (no <c>ConnectionStrings:TaskForge</c>), off otherwise.
/// </summary>
public static class GraphiQLSetup
{
    public const string SettingName = "GraphQL:GraphiQL";

    /// <summary>
    /// Serves GraphiQL's page at GET /graphql to browsers and its bundle under /graphiql/. A middleware, so it runs
    /// before the GraphQL endpoint mapped at the same path and leaves GraphQL requests to it.
    /// </summary>
    public static IApplicationBuilder UseTaskForgeGraphiQL(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsEnabled(app.Configuration, app.Environment))
            return app;

        var assets = GraphiQLAssets.Find(app.Environment);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = GraphiQLAssets.RequestPath,
            FileProvider = assets.FileProvider(),
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            // vite names the bundle's files by their hash: a file's content never changes under its name.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        return app.UseMiddleware<GraphiQLMiddleware>(assets);
    }

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>(SettingName)
            ?? (environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration.GetConnectionString("TaskForge")));
    }
}
