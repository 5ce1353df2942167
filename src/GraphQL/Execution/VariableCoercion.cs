using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's CoerceVariableValues, with graphql-js's messages.</summary>
internal static class VariableCoercion
{
    private const int MaxErrors = 50;

    public static IReadOnlyDictionary<string, object?> Coerce(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?> inputs,
        List<GraphQLError> errors)
    {
        if (definitions.Count == 0)
        {
            return JsonValues.EmptyMap;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (errors.Count >= MaxErrors)
            {
                errors.Add(GraphQLError.WithCode(
                    "Too many errors processing variables, error limit reached. Execution aborted.", ErrorCodes.BadUserInput));
                break;
            }

            var name = definition.Variable.Name.Value;
            var location = document.GetLocation(definition.Start);
            var type = TypeReferences.Resolve(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(Error($"Variable \"${name}\" expected value of type \"{AstPrinter.Print(definition.Type)}\" which cannot be used as an input type.", location));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is { } defaultValue)
                {
                    LiteralCoercion.TryCoerce(defaultValue, type, null, out var coercedDefault);
                    coerced[name] = coercedDefault;
                }
                else if (type is NonNullType)
                {
                    errors.Add(Error($"Variable \"${name}\" of required type \"{type}\" was not provided.", location));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(Error($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", location));
                continue;
            }

            var countBefore = errors.Count;
            var result = InputCoercion.Coerce(value, type, [], (path, invalid, message) =>
            {
                var at = path.Count > 0 ? $" at \"{name}{InputCoercion.PrintPath(path)}\"" : string.Empty;
                errors.Add(Error($"Variable \"${name}\" got invalid value {Inspect.Value(invalid)}{at}; {message}", location));
            });
            if (errors.Count == countBefore)
            {
                coerced[name] = result;
            }
        }

        return coerced;
    }

    private static GraphQLError Error(string message, SourceLocation location) =>
        GraphQLError.WithCode(message, ErrorCodes.BadUserInput, [location]);
}

/// <summary>Resolves AST type references against a schema.</summary>
internal static class TypeReferences
{
    public static GraphQLType? Resolve(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => Resolve(schema, nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => Resolve(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };
}
