using TaskForge.Projections.Events;

namespace TaskForge.Projections.Runtime;

/// <summary>The read models one process projects, each as its Marten projection over the read-model schema.</summary>
public sealed class ReadModelCatalog
{
    /// <param name="commits">Whether the projections' transactions wait for their WAL flush (ADR 0102: they need not).</param>
    public ReadModelCatalog(string schema, IEnumerable<DomainProjection> projections, ProjectionCommits commits = ProjectionCommits.Asynchronous)
    {
        Schema = schema;
        Commits = commits;
        All = [.. projections.Select(p => new ReadModelProjection(p, schema, commits))];
    }

    public ProjectionCommits Commits { get; }

    public string Schema { get; }

    public IReadOnlyList<ReadModelProjection> All { get; }

    public IEnumerable<DomainProjection> Projections => All.Select(p => p.Projection);

    public ReadModelProjection? ByMartenName(string martenName) =>
        All.FirstOrDefault(p => string.Equals(p.Projection.MartenName, martenName, StringComparison.Ordinal));
}
