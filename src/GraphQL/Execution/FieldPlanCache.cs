using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Collected fields per (object type, selection). Shared by every execution of a prepared document when no
/// @skip/@include depends on variables; per execution otherwise.
/// </summary>
internal sealed class FieldPlanCache
{
    private readonly ConcurrentDictionary<Key, CollectedField[]> _plans = new(KeyComparer.Instance);

    public CollectedField[] GetOrAdd(
        ExecutionState state, ObjectType type, SelectionSetNode selection, Func<ExecutionState, ObjectType, SelectionSetNode, CollectedField[]> collect)
    {
        var key = new Key(type, selection);
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        plan = collect(state, type, selection);
        return _plans.GetOrAdd(key, plan);
    }

    private readonly record struct Key(ObjectType Type, SyntaxNode Selection);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => ReferenceEquals(x.Type, y.Type) && ReferenceEquals(x.Selection, y.Selection);

        public int GetHashCode(Key obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Type), RuntimeHelpers.GetHashCode(obj.Selection));
    }
}
