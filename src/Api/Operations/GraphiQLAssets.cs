using Microsoft.Extensions.FileProviders;

namespace TaskForge.Api.Operations;

/// <summary>
/// Where the GraphiQL bundle is (ADR 0081): <c>wwwroot/graphiql</c> under the content root (the project folder under
/// <c>dotnet run</c> and in tests), else beside the binaries (a published app).
/// </summary>
internal sealed class GraphiQLAssets
{
    public const string RequestPath = "/graphiql";

    private GraphiQLAssets(string? folder) => Folder = folder;

    /// <summary>The bundle's folder, or null when the build had no node to make it.</summary>
    public string? Folder { get; }

    public string? IndexFile => Folder is null ? null : Path.Combine(Folder, "index.html");

    public static GraphiQLAssets Find(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "wwwroot", "graphiql"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "graphiql"),
        ];
        return new GraphiQLAssets(candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html"))));
    }

    public IFileProvider FileProvider() =>
        Folder is null ? new NullFileProvider() : new PhysicalFileProvider(Folder);
}
