using System.Collections.Concurrent;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Finds the object type of a value returned for an interface or union: the bound type resolver, else a
/// <c>__typename</c> entry, else isTypeOf / bound CLR types, else a CLR type named like a possible type.
/// </summary>
internal static class RuntimeTypes
{
    private static readonly ConcurrentDictionary<(NamedType Abstract, Type Clr), ObjectType?> ByClrType = new();

    public static ObjectType? Resolve(ExecutionState state, NamedType abstractType, CollectedField field, PathRef path, object value, out string? error)
    {
        error = null;
        var resolver = abstractType switch
        {
            InterfaceType iface => iface.ResolveType,
            UnionType union => union.ResolveType,
            _ => null,
        };
        string? typeName = null;
        if (resolver is not null)
        {
            var context = new ResolveContext(state, value, JsonValues.EmptyMap, field, path);
            typeName = resolver(value, context);
        }
        else if (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var name) && name is string text)
        {
            typeName = text;
        }
        else
        {
            var byType = FindByValue(state.Schema, abstractType, value);
            if (byType is not null)
            {
                return byType;
            }
        }

        if (typeName is null)
        {
            error = $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.Definition!.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.";
            return null;
        }

        var type = state.Schema.GetType(typeName);
        if (type is null)
        {
            error = $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.";
            return null;
        }

        if (type is not ObjectType objectType)
        {
            error = $"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".";
            return null;
        }

        if (!state.Schema.IsSubType(abstractType, objectType))
        {
            error = $"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".";
            return null;
        }

        return objectType;
    }

    private static ObjectType? FindByValue(Schema schema, NamedType abstractType, object value)
    {
        var possible = schema.GetPossibleTypes(abstractType);
        foreach (var candidate in possible)
        {
            if (candidate.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return candidate;
            }
        }

        return ByClrType.GetOrAdd((abstractType, value.GetType()), key =>
        {
            foreach (var candidate in schema.GetPossibleTypes(key.Abstract))
            {
                if (candidate.RuntimeTypes.Any(t => t.IsAssignableFrom(key.Clr)))
                {
                    return candidate;
                }
            }

            return schema.GetPossibleTypes(key.Abstract).FirstOrDefault(t => t.IsTypeOf is null && t.Name == key.Clr.Name);
        });
    }
}
