namespace TaskForge.GraphQL.Tests.Conformance.Support;

/// <summary>Locations in the source tree that the conformance tests read (found from the test binary upwards).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Conformance => Path.Combine(Root.Value, "tests", "TaskForge.GraphQL.Tests", "Conformance");

    public static string Scripts => Path.Combine(Conformance, "js");

    public static string Corpus => Path.Combine(Conformance, "corpus");

    public static string OracleSchema => Path.Combine(Conformance, "schema.graphql");

    public static string OracleFixture => Path.Combine(Conformance, "fixture.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException(
            $"No TaskForge.sln above {AppContext.BaseDirectory}: the conformance tests read the corpus from the source tree.");
    }
}
