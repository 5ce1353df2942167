using System.Collections;
using TaskForge.GraphQL.Types;
using TaskForge.GraphQL.Validation;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's CoerceInputValue for external (JSON-like) values, reporting each problem with its path.</summary>
internal static class InputCoercion
{
    public delegate void ErrorSink(IReadOnlyList<object> path, object? invalidValue, string message);

    public static object? Coerce(object? value, GraphQLType type, List<object> path, ErrorSink onError)
    {
        if (type is NonNullType nonNull)
        {
            if (value is not null)
            {
                return Coerce(value, nonNull.OfType, path, onError);
            }

            onError(path.ToArray(), value, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable sequence and not string && value is not IReadOnlyDictionary<string, object?>)
                {
                    var items = new List<object?>();
                    var index = 0;
                    foreach (var item in sequence)
                    {
                        path.Add(index++);
                        items.Add(Coerce(item, list.OfType, path, onError));
                        path.RemoveAt(path.Count - 1);
                    }

                    return items;
                }

                return new List<object?> { Coerce(value, list.OfType, path, onError) };
            case InputObjectType input:
                return CoerceObject(value, input, path, onError);
            case EnumType enumType:
                return CoerceEnum(value, enumType, path, onError);
            case ScalarType scalar:
                try
                {
                    return scalar.Coercion.ParseValue(value);
                }
                catch (ScalarCoercionException exception)
                {
                    onError(path.ToArray(), value, scalar.IsSpecified ? exception.Message : $"Expected type \"{scalar.Name}\". {exception.Message}");
                    return null;
                }
                catch (GraphQLException exception)
                {
                    onError(path.ToArray(), value, exception.Message);
                    return null;
                }

            default:
                return null;
        }
    }

    public static string PrintPath(IReadOnlyList<object> path) =>
        string.Concat(path.Select(segment => segment is int index ? $"[{index}]" : "." + segment));

    private static object? CoerceObject(object value, InputObjectType type, List<object> path, ErrorSink onError)
    {
        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            onError(path.ToArray(), value, $"Expected type \"{type.Name}\" to be an object.");
            return null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!map.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(path.ToArray(), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            path.Add(field.Name);
            result[field.Name] = Coerce(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var key in map.Keys)
        {
            if (type.GetField(key) is null)
            {
                var suggestions = Suggestions.DidYouMean(Suggestions.List(key, type.Fields.Select(f => f.Name)));
                onError(path.ToArray(), value, $"Field \"{key}\" is not defined by type \"{type.Name}\".{suggestions}");
            }
        }

        if (type.IsOneOf)
        {
            if (map.Count != 1)
            {
                onError(path.ToArray(), value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else if (map.First() is { Value: null } only)
            {
                onError([.. path, only.Key], null, $"Field \"{only.Key}\" must be non-null.");
            }
        }

        return result;
    }

    private static object? CoerceEnum(object value, EnumType type, List<object> path, ErrorSink onError)
    {
        if (value is not string name)
        {
            var printed = Inspect.Value(value);
            var hint = Suggestions.DidYouMean(Suggestions.List(printed, type.Values.Select(v => v.Name)), "the enum value");
            onError(path.ToArray(), value, $"Enum \"{type.Name}\" cannot represent non-string value: {printed}.{hint}");
            return null;
        }

        if (type.GetValue(name) is { } definition)
        {
            return definition.Value;
        }

        var suggestions = Suggestions.DidYouMean(Suggestions.List(name, type.Values.Select(v => v.Name)), "the enum value");
        onError(path.ToArray(), value, $"Value \"{name}\" does not exist in \"{type.Name}\" enum.{suggestions}");
        return null;
    }
}
