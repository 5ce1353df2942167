using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Resolves a field without a bound resolver: a dictionary entry named like the field, a JSON property,
/// or a public CLR property or field (name compared case-insensitively), read through a compiled getter.
/// </summary>
internal static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, object?>?> Getters = new();

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(fieldName, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var entry) ? entry : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(fieldName, out var property) ? JsonValues.ToClr(property) : null;
        }

        var getter = Getters.GetOrAdd((source.GetType(), fieldName), static key => CreateGetter(key.Type, key.Name));
        return getter?.Invoke(source);
    }

    private static Func<object, object?>? CreateGetter(Type type, string name)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        MemberInfo? member = type.GetProperty(name, Flags) is { GetMethod: not null } property && property.GetIndexParameters().Length == 0
            ? property
            : type.GetField(name, Flags);
        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        var body = Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
