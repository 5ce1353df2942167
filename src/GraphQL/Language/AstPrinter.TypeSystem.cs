namespace TaskForge.GraphQL.Language;

public static partial class AstPrinter
{
    private static string PrintTypeSystem(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode schema => (schema.IsExtension ? "extend schema" : Wrap(string.Empty, PrintOptional(schema.Description), "\n") + "schema")
            + Wrap(" ", PrintDirectives(schema.Directives)) + Wrap(" ", Block(schema.OperationTypes.Select(Print))),
        OperationTypeDefinitionNode operationType => operationType.Operation.ToString().ToLowerInvariant() + ": " + Print(operationType.Type),
        ScalarTypeDefinitionNode scalar => Header(scalar, "scalar") + Wrap(" ", PrintDirectives(scalar.Directives)),
        ObjectTypeDefinitionNode type => Header(type, "type") + Wrap(" implements ", Join(type.Interfaces.Select(Print), " & "))
            + Wrap(" ", PrintDirectives(type.Directives)) + Wrap(" ", Block(type.Fields.Select(Print))),
        InterfaceTypeDefinitionNode type => Header(type, "interface") + Wrap(" implements ", Join(type.Interfaces.Select(Print), " & "))
            + Wrap(" ", PrintDirectives(type.Directives)) + Wrap(" ", Block(type.Fields.Select(Print))),
        UnionTypeDefinitionNode union => Header(union, "union") + Wrap(" ", PrintDirectives(union.Directives))
            + Wrap(" = ", Join(union.Types.Select(Print), " | ")),
        EnumTypeDefinitionNode enumType => Header(enumType, "enum") + Wrap(" ", PrintDirectives(enumType.Directives))
            + Wrap(" ", Block(enumType.Values.Select(Print))),
        InputObjectTypeDefinitionNode input => Header(input, "input") + Wrap(" ", PrintDirectives(input.Directives))
            + Wrap(" ", Block(input.Fields.Select(Print))),
        FieldDefinitionNode field => Wrap(string.Empty, PrintOptional(field.Description), "\n") + field.Name.Value
            + PrintArgumentDefinitions(field.Arguments) + ": " + Print(field.Type) + Wrap(" ", PrintDirectives(field.Directives)),
        InputValueDefinitionNode input => Wrap(string.Empty, PrintOptional(input.Description), "\n") + input.Name.Value + ": " + Print(input.Type)
            + Wrap(" = ", PrintOptional(input.DefaultValue)) + Wrap(" ", PrintDirectives(input.Directives)),
        EnumValueDefinitionNode value => Wrap(string.Empty, PrintOptional(value.Description), "\n") + value.Name.Value
            + Wrap(" ", PrintDirectives(value.Directives)),
        DirectiveDefinitionNode directive => Wrap(string.Empty, PrintOptional(directive.Description), "\n") + "directive @" + directive.Name.Value
            + PrintArgumentDefinitions(directive.Arguments) + (directive.Repeatable ? " repeatable" : string.Empty)
            + " on " + Join(directive.Locations.Select(Print), " | "),
        _ => throw new ArgumentException($"Cannot print node {node.GetType().Name}.", nameof(node)),
    };

    private static string Header(TypeDefinitionNode type, string keyword) =>
        type.IsExtension
            ? "extend " + keyword + " " + type.Name.Value
            : Wrap(string.Empty, PrintOptional(type.Description), "\n") + keyword + " " + type.Name.Value;

    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Exists(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }
}
