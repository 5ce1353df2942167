namespace TaskForge.GraphQL.Execution;

/// <summary>
/// The path of a value not yet materialized: its parent and its key or index. Leaves never need their path
/// unless they fail, so the linked <see cref="ResultPath"/> node is only created for objects, lists and errors.
/// </summary>
internal readonly struct PathRef(ResultPath parent, string? key, int index)
{
    /// <summary>The path of a field's own value (not of a list item).</summary>
    public bool IsField => key is not null;

    public ResultPath Materialize() => key is not null ? parent.Append(key) : parent.Append(index);

    public IReadOnlyList<object> ToList() => Materialize().ToList();
}
