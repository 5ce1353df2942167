using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Introspection;

/// <summary>Resolvers of the introspection types over the runtime type model.</summary>
internal static class IntrospectionResolvers
{
    public static void Bind(Dictionary<string, NamedType> types)
    {
        Bind(types, "__Schema", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["description"] = c => ((Schema)c.Source!).Description,
            ["types"] = c => ((Schema)c.Source!).Types,
            ["queryType"] = c => ((Schema)c.Source!).Query,
            ["mutationType"] = c => ((Schema)c.Source!).Mutation,
            ["subscriptionType"] = c => ((Schema)c.Source!).Subscription,
            ["directives"] = c => ((Schema)c.Source!).Directives,
        });
        Bind(types, "__Type", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["kind"] = c => KindName((GraphQLType)c.Source!),
            ["name"] = c => (c.Source as NamedType)?.Name,
            ["description"] = c => (c.Source as NamedType)?.Description,
            ["specifiedByURL"] = c => (c.Source as ScalarType)?.SpecifiedByUrl,
            ["fields"] = c => c.Source is IFieldsContainer container
                ? container.Fields.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList()
                : null,
            ["interfaces"] = c => (c.Source as IFieldsContainer)?.Interfaces,
            ["possibleTypes"] = c => c.Source is UnionType or InterfaceType ? c.Schema.GetPossibleTypes((NamedType)c.Source) : null,
            ["enumValues"] = c => (c.Source as EnumType)?.Values.Where(v => IncludeDeprecated(c) || !v.IsDeprecated).ToList(),
            ["inputFields"] = c => (c.Source as InputObjectType)?.Fields.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList(),
            ["ofType"] = c => c.Source switch
            {
                NonNullType nonNull => nonNull.OfType,
                ListType list => list.OfType,
                _ => null,
            },
            ["isOneOf"] = c => c.Source is InputObjectType input ? input.IsOneOf : null,
        });
        Bind(types, "__Field", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["name"] = c => ((FieldDefinition)c.Source!).Name,
            ["description"] = c => ((FieldDefinition)c.Source!).Description,
            ["args"] = c => ((FieldDefinition)c.Source!).Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList(),
            ["type"] = c => ((FieldDefinition)c.Source!).Type,
            ["isDeprecated"] = c => ((FieldDefinition)c.Source!).IsDeprecated,
            ["deprecationReason"] = c => ((FieldDefinition)c.Source!).DeprecationReason,
        });
        Bind(types, "__InputValue", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["name"] = c => ((InputValueDefinition)c.Source!).Name,
            ["description"] = c => ((InputValueDefinition)c.Source!).Description,
            ["type"] = c => ((InputValueDefinition)c.Source!).Type,
            ["defaultValue"] = c => DefaultValue((InputValueDefinition)c.Source!),
            ["isDeprecated"] = c => ((InputValueDefinition)c.Source!).IsDeprecated,
            ["deprecationReason"] = c => ((InputValueDefinition)c.Source!).DeprecationReason,
        });
        Bind(types, "__EnumValue", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["name"] = c => ((EnumValueDefinition)c.Source!).Name,
            ["description"] = c => ((EnumValueDefinition)c.Source!).Description,
            ["isDeprecated"] = c => ((EnumValueDefinition)c.Source!).IsDeprecated,
            ["deprecationReason"] = c => ((EnumValueDefinition)c.Source!).DeprecationReason,
        });
        Bind(types, "__Directive", new Dictionary<string, Func<ResolveContext, object?>>
        {
            ["name"] = c => ((DirectiveDefinition)c.Source!).Name,
            ["description"] = c => ((DirectiveDefinition)c.Source!).Description,
            ["isRepeatable"] = c => ((DirectiveDefinition)c.Source!).IsRepeatable,
            ["locations"] = c => ((DirectiveDefinition)c.Source!).Locations.Select(l => l.ToSpecName()).ToList(),
            ["args"] = c => ((DirectiveDefinition)c.Source!).Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList(),
        });
    }

    internal static string? DefaultValue(InputValueDefinition input)
    {
        if (!input.HasDefaultValue)
        {
            return null;
        }

        var literal = AstFromValue.Convert(input.DefaultValue, input.Type);
        return literal is null ? null : AstPrinter.Print(literal);
    }

    private static bool IncludeDeprecated(ResolveContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static string KindName(GraphQLType type) => type switch
    {
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        InputObjectType => "INPUT_OBJECT",
        ListType => "LIST",
        _ => "NON_NULL",
    };

    private static void Bind(Dictionary<string, NamedType> types, string typeName, Dictionary<string, Func<ResolveContext, object?>> resolvers)
    {
        var type = (ObjectType)types[typeName];
        foreach (var (fieldName, resolve) in resolvers)
        {
            type.Fields[fieldName]!.Resolver = context => new ValueTask<object?>(resolve(context));
        }
    }
}
