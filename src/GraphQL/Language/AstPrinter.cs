using System.Text;

namespace TaskForge.GraphQL.Language;

/// <summary>Prints an AST back to GraphQL text with the formatting rules of graphql-js's <c>print</c>.</summary>
public static partial class AstPrinter
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node) => node switch
    {
        DocumentNode document => Join(document.Definitions.Select(Print), "\n\n"),
        NameNode name => name.Value,
        VariableNode variable => "$" + variable.Name.Value,
        OperationDefinitionNode operation => PrintOperation(operation),
        VariableDefinitionNode definition => Wrap(string.Empty, PrintOptional(definition.Description), "\n")
            + "$" + definition.Variable.Name.Value + ": " + Print(definition.Type)
            + Wrap(" = ", PrintOptional(definition.DefaultValue)) + Wrap(" ", PrintDirectives(definition.Directives)),
        SelectionSetNode selectionSet => Block(selectionSet.Selections.Select(Print)),
        FieldNode field => PrintField(field),
        ArgumentNode argument => argument.Name.Value + ": " + Print(argument.Value),
        FragmentSpreadNode spread => "..." + spread.Name.Value + Wrap(" ", PrintDirectives(spread.Directives)),
        InlineFragmentNode inline => Join(
            ["...", Wrap("on ", PrintOptional(inline.TypeCondition)), PrintDirectives(inline.Directives), Print(inline.SelectionSet)], " "),
        FragmentDefinitionNode fragment => Wrap(string.Empty, PrintOptional(fragment.Description), "\n")
            + "fragment " + fragment.FragmentName.Value + " on " + fragment.TypeCondition.Name.Value + " "
            + Wrap(string.Empty, PrintDirectives(fragment.Directives), " ") + Print(fragment.SelectionSet),
        IntValueNode value => value.Value,
        FloatValueNode value => value.Value,
        StringValueNode value => value.Block ? BlockStrings.Print(value.Value) : PrintString(value.Value),
        BooleanValueNode value => value.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode value => value.Value,
        ListValueNode list => "[" + Join(list.Values.Select(Print), ", ") + "]",
        ObjectValueNode obj => "{" + Join(obj.Fields.Select(Print), ", ") + "}",
        ObjectFieldNode field => field.Name.Value + ": " + Print(field.Value),
        DirectiveNode directive => "@" + directive.Name.Value + Wrap("(", Join(directive.Arguments.Select(Print), ", "), ")"),
        NamedTypeNode type => type.Name.Value,
        ListTypeNode type => "[" + Print(type.Type) + "]",
        NonNullTypeNode type => Print(type.Type) + "!",
        _ => PrintTypeSystem(node),
    };

    /// <summary>A JSON-style quoted string, escaping what graphql-js escapes.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string PrintOperation(OperationDefinitionNode operation)
    {
        var variables = operation.VariableDefinitions.Select(Print).ToList();
        var variableText = variables.Exists(v => v.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Join(variables, "\n"), "\n)")
            : Wrap("(", Join(variables, ", "), ")");
        var keyword = operation.Operation switch
        {
            OperationKind.Mutation => "mutation",
            OperationKind.Subscription => "subscription",
            _ => "query",
        };
        var signature = Join([keyword, (operation.Name?.Value ?? string.Empty) + variableText, PrintDirectives(operation.Directives)], " ");
        var prefix = Wrap(string.Empty, PrintOptional(operation.Description), "\n") + signature;
        var selectionSet = Print(operation.SelectionSet);
        return keyword == "query" && prefix.Length == keyword.Length ? selectionSet : prefix + " " + selectionSet;
    }

    private static string PrintField(FieldNode field)
    {
        var prefix = Wrap(string.Empty, field.Alias?.Value, ": ") + field.Name.Value;
        var line = prefix;
        if (field.Arguments.Count > 0)
        {
            var arguments = field.Arguments.Select(Print).ToList();
            var joinedLength = arguments.Sum(a => a.Length) + (2 * (arguments.Count - 1));
            line += prefix.Length + joinedLength + 2 > MaxLineLength
                ? "(\n" + Indent(Join(arguments, "\n")) + "\n)"
                : "(" + Join(arguments, ", ") + ")";
        }

        return line + Wrap(" ", PrintDirectives(field.Directives)) + Wrap(" ", PrintOptional(field.SelectionSet));
    }

    private static string PrintDirectives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string? PrintOptional(SyntaxNode? node) => node is null ? null : Print(node);

    private static string Block(IEnumerable<string> items)
    {
        var joined = Join(items, "\n");
        return joined.Length == 0 ? string.Empty : "{\n" + Indent(joined) + "\n}";
    }

    private static string Indent(string text) => text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? string.Empty : start + value + end;

    private static string Join(IEnumerable<string?> parts, string separator) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));
}
