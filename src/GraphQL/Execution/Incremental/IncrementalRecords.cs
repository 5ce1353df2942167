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

/// <summary>The rest of a streamed list: items of a list already resolved, or an async source still producing them.</summary>
internal sealed class StreamRecord(
    ResultPath path, string? label, IncrementalRecord? parent, CollectedField field, GraphQLType itemType, IList items, int start,
    IAsyncEnumerator<object?>? source = null)
    : IncrementalRecord(path, label, parent)
{
    public CollectedField Field { get; } = field;

    public GraphQLType ItemType { get; } = itemType;

    public IList Items { get; } = items;

    public int Start { get; } = start;

    /// <summary>An async list's enumerator, positioned after the items sent so far; null for lists resolved whole.</summary>
    public IAsyncEnumerator<object?>? Source { get; } = source;

    /// <summary>A MoveNextAsync of the source that had not completed when the last part went out.</summary>
    public Task<bool>? PendingMove { get; set; }

    /// <summary>Index of the next item of an async source.</summary>
    public int NextIndex { get; set; } = start;

    /// <summary>False while an async source may still produce items: the record runs again in the next part.</summary>
    public bool Finished { get; set; } = source is null;
}
