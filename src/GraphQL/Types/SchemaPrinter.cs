using System.Text;
using TaskForge.GraphQL.Introspection;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>Prints a schema as SDL in exactly the format of graphql-js's <c>printSchema</c>.</summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(d => !BuiltInTypes.IsSpecifiedDirectiveName(d.Name)).Select(PrintDirective));
        parts.AddRange(schema.Types
            .Where(t => !(t is ScalarType { IsSpecified: true }) && !IntrospectionTypes.IsIntrospectionType(t))
            .Select(PrintType));
        return string.Join("\n\n", parts);
    }

    public static string PrintType(NamedType type) => type switch
    {
        ScalarType scalar => Description(scalar.Description) + "scalar " + scalar.Name
            + (scalar.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {AstPrinter.PrintString(url)})" : string.Empty),
        ObjectType obj => Description(obj.Description) + "type " + obj.Name + Interfaces(obj.Interfaces) + Fields(obj.Fields),
        InterfaceType iface => Description(iface.Description) + "interface " + iface.Name + Interfaces(iface.Interfaces) + Fields(iface.Fields),
        UnionType union => Description(union.Description) + "union " + union.Name
            + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
        EnumType enumType => Description(enumType.Description) + "enum " + enumType.Name + Block(enumType.Values.Select((v, i) =>
            Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
        InputObjectType input => Description(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
            + Block(input.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
        _ => throw new ArgumentException($"Cannot print {type.GetType().Name}.", nameof(type)),
    };

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var commonNames = (schema.Query is null || schema.Query.Name == "Query")
            && (schema.Mutation is null || schema.Mutation.Name == "Mutation")
            && (schema.Subscription is null || schema.Subscription.Name == "Subscription");
        if (schema.Description is null && commonNames)
        {
            return null;
        }

        var operations = new List<string>();
        if (schema.Query is { } query)
        {
            operations.Add("  query: " + query.Name);
        }

        if (schema.Mutation is { } mutation)
        {
            operations.Add("  mutation: " + mutation.Name);
        }

        if (schema.Subscription is { } subscription)
        {
            operations.Add("  subscription: " + subscription.Name);
        }

        return Description(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description) + "directive @" + directive.Name + Arguments(directive.Arguments, string.Empty)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToSpecName()));

    private static string Interfaces(IReadOnlyList<InterfaceType> interfaces) =>
        interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces.Select(i => i.Name)) : string.Empty;

    private static string Fields(FieldMap fields) =>
        Block(fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ")
            + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string Arguments(IReadOnlyList<InputValueDefinition> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }

        var builder = new StringBuilder("(\n");
        for (var i = 0; i < arguments.Count; i++)
        {
            builder.Append(Description(arguments[i].Description, "  " + indentation, i == 0))
                .Append("  ").Append(indentation).Append(InputValue(arguments[i]));
            builder.Append(i < arguments.Count - 1 ? "\n" : string.Empty);
        }

        return builder.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string InputValue(InputValueDefinition input)
    {
        var text = input.Name + ": " + input.Type;
        if (input.HasDefaultValue && AstFromValue.Convert(input.DefaultValue, input.Type) is { } literal)
        {
            text += " = " + AstPrinter.Print(literal);
        }

        return text + Deprecated(input.DeprecationReason);
    }

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        BuiltInTypes.DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {AstPrinter.PrintString(reason)})",
    };

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var printed = BlockStrings.IsPrintableAsBlockString(description)
            ? BlockStrings.Print(description)
            : AstPrinter.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + printed.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
