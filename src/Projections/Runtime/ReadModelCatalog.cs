using TaskForge.Projections.Events;

namespace TaskForge.Projections.Runtime;

/// <summary>The read models one process projects, each as its Marten projection over the read-model schema.</summary>
public sealed class ReadModelCatalog
{
    public ReadModelCatalog(string schema, IEnumerable<DomainProjection> projections)
    {
        Schema = schema;
        All = [.. projections.Select(p => new ReadModelProjection(p, schema))];
    }

    public string Schema { get; }

    public IReadOnlyList<ReadModelProjection> All { get; }

    public IEnumerable<DomainProjection> Projections => All.Select(p => p.Projection);

    public ReadModelProjection? ByMartenName(string martenName) =>
        All.FirstOrDefault(p => string.Equals(p.Projection.MartenName, martenName, StringComparison.Ordinal));
}
