using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Introspection;

/// <summary>The introspection types (shared by every schema) and the __schema / __type meta-fields.</summary>
public static class IntrospectionTypes
{
    private static readonly Dictionary<string, NamedType> ByName = Build();

    public static ObjectType Schema => (ObjectType)ByName["__Schema"];

    public static ObjectType Type => (ObjectType)ByName["__Type"];

    public static bool IsIntrospectionType(NamedType type) => ByName.TryGetValue(type.Name, out var known) && ReferenceEquals(known, type);

    internal static NamedType? Find(string name) => ByName.GetValueOrDefault(name);

    internal static FieldDefinition CreateSchemaField(Schema schema) =>
        new("__schema", new NonNullType(Schema), "Access the current type schema of this server.")
        {
            Resolver = _ => new ValueTask<object?>(schema),
        };

    internal static FieldDefinition CreateTypeField(Schema schema) =>
        new("__type", Type, "Request the type information of a single type.")
        {
            Arguments = [new InputValueDefinition("name", new NonNullType(BuiltInTypes.String))],
            Resolver = context => new ValueTask<object?>(schema.GetType(context.GetArgument<string>("name") ?? string.Empty)),
        };

    private static Dictionary<string, NamedType> Build()
    {
        var errors = new List<string>();
        var factory = new SdlTypeFactory(errors);
        factory.Build(Parser.Parse(IntrospectionSdl.Text).Definitions);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid introspection SDL: " + string.Join("; ", errors));
        }

        var types = factory.TypesByName.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        IntrospectionResolvers.Bind(types);
        foreach (var type in types.Values)
        {
            if (type is ObjectType obj)
            {
                foreach (var field in obj.Fields)
                {
                    foreach (var argument in field.Arguments)
                    {
                        argument.DefaultValue = false;
                    }
                }
            }
        }

        return types;
    }
}
