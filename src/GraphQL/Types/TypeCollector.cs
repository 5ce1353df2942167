using TaskForge.GraphQL.Introspection;

namespace TaskForge.GraphQL.Types;

/// <summary>
/// Orders the schema's types as graphql-js's GraphQLSchema constructor does: each defined type in definition
/// order followed by the not-yet-seen types it references (depth first), then directive argument types,
/// then the introspection types.
/// </summary>
internal static class TypeCollector
{
    public static IReadOnlyList<NamedType> Collect(
        IReadOnlyList<NamedType> definedTypes, ObjectType?[] roots, IReadOnlyList<DirectiveDefinition> directives)
    {
        var seen = new HashSet<NamedType>();
        var ordered = new List<NamedType>();
        var defined = new HashSet<NamedType>(definedTypes);
        foreach (var type in definedTypes)
        {
            defined.Remove(type);
            Visit(type, seen, ordered, defined);
        }

        foreach (var root in roots)
        {
            if (root is not null)
            {
                Visit(root, seen, ordered, defined);
            }
        }

        foreach (var directive in directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Visit(argument.Type.NamedType, seen, ordered, defined);
            }
        }

        Visit(IntrospectionTypes.Schema, seen, ordered, defined);
        return ordered;
    }

    private static void Visit(NamedType type, HashSet<NamedType> seen, List<NamedType> ordered, HashSet<NamedType> pending)
    {
        if (pending.Contains(type) || !seen.Add(type))
        {
            return;
        }

        ordered.Add(type);
        switch (type)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Visit(member, seen, ordered, pending);
                }

                break;
            case IFieldsContainer container:
                foreach (var iface in container.Interfaces)
                {
                    Visit(iface, seen, ordered, pending);
                }

                foreach (var field in container.Fields)
                {
                    Visit(field.Type.NamedType, seen, ordered, pending);
                    foreach (var argument in field.Arguments)
                    {
                        Visit(argument.Type.NamedType, seen, ordered, pending);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    Visit(field.Type.NamedType, seen, ordered, pending);
                }

                break;
        }
    }
}
