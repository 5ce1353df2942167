namespace TaskForge.Testing;

/// <summary>The repository's root folder, found from the test binary upwards, for tests that read files of the source tree.</summary>
public static class SourceTree
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForge.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No TaskForge.sln above {AppContext.BaseDirectory}: this test reads files of the source tree.");
    }
}
