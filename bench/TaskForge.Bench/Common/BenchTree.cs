namespace TaskForge.Bench.Common;

/// <summary>Folders of this repository the benchmarks read from and write to.</summary>
public static class BenchTree
{
    /// <summary>The repository's root: the first folder above the running assembly that holds TaskForge.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A folder under bench/, such as <c>graphql-js</c> or <c>results</c>.</summary>
    public static string Bench(string folder) => Path.Combine(Root, "bench", folder);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
