using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution.Incremental;

/// <summary>
/// What an incremental execution (an operation with active @defer/@stream) tracks: the deferred fragments each
/// collected selection set skipped, and the records found while executing the current part.
/// </summary>
internal sealed class IncrementalState
{
    private readonly Dictionary<CollectedField[], List<DeferredFragment>> _deferredAt = new(ReferenceEqualityComparer.Instance);
    private readonly List<IncrementalRecord> _found = [];
    private readonly List<StreamRecord> _sources = [];

    /// <summary>The record being executed: records found now are its children (null during the initial part).</summary>
    public IncrementalRecord? Current { get; set; }

    public void SetDeferred(CollectedField[] fields, List<DeferredFragment> deferred) => _deferredAt[fields] = deferred;

    /// <summary>An object is being executed with these fields: each deferred fragment of its selection becomes a record.</summary>
    public void OnObject(CollectedField[] fields, ObjectType type, object? source, ResultPath path)
    {
        if (!_deferredAt.TryGetValue(fields, out var deferred))
        {
            return;
        }

        lock (_found)
        {
            foreach (var fragment in deferred)
            {
                var record = new DeferredRecord(path, fragment.Label, Current, type, source);
                record.SelectionSets.Add(fragment.SelectionSet);
                _found.Add(record);
            }
        }
    }

    public void OnStream(StreamRecord record)
    {
        lock (_found)
        {
            _found.Add(record);
        }
    }

    /// <summary>Async list sources still open for streams; disposed when the response ends, however it ends.</summary>
    public void Track(StreamRecord source)
    {
        lock (_sources)
        {
            _sources.Add(source);
        }
    }

    public async ValueTask DisposeSourcesAsync()
    {
        List<StreamRecord> sources;
        lock (_sources)
        {
            sources = [.. _sources];
            _sources.Clear();
        }

        foreach (var record in sources)
        {
            try
            {
                if (record.PendingMove is { } pending)
                {
                    // An async enumerator may not be disposed of while a MoveNextAsync runs.
                    await pending.ConfigureAwait(false);
                }

                await record.Source!.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or NotSupportedException)
            {
                // A source that fails to close has nothing more to give.
            }
        }
    }

    public List<IncrementalRecord> TakeFound()
    {
        lock (_found)
        {
            var found = _found.ToList();
            _found.Clear();
            return found;
        }
    }

    /// <summary>The active @defer of a fragment: true unless <c>if</c> is false; its label.</summary>
    public static bool IsDeferred(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables, out string? label) =>
        IsActive(directives, "defer", BuiltInTypes.Defer, variables, out label, out _);

    /// <summary>The active @stream of a field: its initial count and label.</summary>
    public static bool IsStreamed(FieldNode node, IReadOnlyDictionary<string, object?> variables, out int initialCount, out string? label)
    {
        var active = IsActive(node.Directives, "stream", BuiltInTypes.Stream, variables, out label, out var arguments);
        initialCount = arguments?.GetValueOrDefault("initialCount") is int count ? Math.Max(count, 0) : 0;
        return active;
    }

    private static bool IsActive(
        IReadOnlyList<DirectiveNode> directives, string name, DirectiveDefinition definition, IReadOnlyDictionary<string, object?> variables,
        out string? label, out IReadOnlyDictionary<string, object?>? arguments)
    {
        label = null;
        arguments = null;
        foreach (var directive in directives)
        {
            if (directive.Name.Value != name)
            {
                continue;
            }

            arguments = ArgumentCoercion.Coerce(definition.Arguments, directive.Arguments, variables);
            label = arguments.GetValueOrDefault("label") as string;
            return arguments.GetValueOrDefault("if") is not false;
        }

        return false;
    }
}
