using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Events;

/// <summary>
/// A read model of domain events planned as SQL: each event adds statements to one <see cref="SqlBatch"/>, and Marten's
/// daemon sends the batch in the transaction that also moves the projection's progression (exactly-once, ADR 0072).
/// A projection writes only its own tables and reads only its own tables: another projection may be behind or ahead.
/// </summary>
public abstract class DomainProjection
{
    private Type[]? _eventTypes;

    /// <summary>A stable lower-case name (Marten's projection name is <c>{name}_v{version}</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The shape of the tables and rows. Deploying a new version builds it beside the serving one (ADR 0074).</summary>
    public abstract int Version { get; }

    /// <summary>Base names of the tables; each version gets <c>{name}_v{n}</c> and readers use the view <c>{name}</c>.</summary>
    public abstract IReadOnlyList<string> Tables { get; }

    /// <summary>The DDL creating one version's tables and indexes (run once per version).</summary>
    public abstract string CreateTablesSql(ProjectionTables tables);

    /// <summary>The event base types (e.g. <c>TaskEvent</c>) this projection reads.</summary>
    protected abstract IReadOnlyList<Type> EventFamilies { get; }

    /// <summary>Marten's name for this version of the projection.</summary>
    public string MartenName => $"{Name}_v{Version}";

    /// <summary>
    /// The concrete domain event types this projection reads. Marten's daemon loads only these for it (ADR 0122), so a
    /// read model does not fetch and deserialize the events that it would skip.
    /// </summary>
    public IReadOnlyList<Type> EventTypes => _eventTypes ??=
    [
        .. EventFamilies.SelectMany(family => family.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsAssignableTo(family)))
            .Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public bool Handles(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Handles(@event.GetType());
    }

    private bool Handles(Type type)
    {
        foreach (var family in EventFamilies)
        {
            if (type.IsAssignableTo(family))
                return true;
        }

        return false;
    }

    /// <summary>Adds the statements that apply one event.</summary>
    public abstract void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql);
}
