using System.Collections;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution.Incremental;

/// <summary>A deferred fragment met during field collection: its selections and label.</summary>
internal sealed record DeferredFragment(SelectionSetNode SelectionSet, string? Label);

/// <summary>Work delivered after the initial result: a deferred fragment on one object, or the rest of a streamed list.</summary>
internal abstract class IncrementalRecord(ResultPath path, string? label, IncrementalRecord? parent)
{
    public string Id { get; set; } = string.Empty;

    public ResultPath Path { get; } = path;

    public string? Label { get; } = label;

    public IncrementalRecord? Parent { get; } = parent;
}

internal sealed class DeferredRecord(ResultPath path, string? label, IncrementalRecord? parent, ObjectType type, object? source)
    : IncrementalRecord(path, label, parent)
{
    public ObjectType Type { get; } = type;

    public object? Source { get; } = source;

    public List<SelectionSetNode> SelectionSets { get; } = [];
}

internal sealed class StreamRecord(ResultPath path, string? label, IncrementalRecord? parent, CollectedField field, GraphQLType itemType, IList items, int start)
    : IncrementalRecord(path, label, parent)
{
    public CollectedField Field { get; } = field;

    public GraphQLType ItemType { get; } = itemType;

    public IList Items { get; } = items;

    public int Start { get; } = start;
}
