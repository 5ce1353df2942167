using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>Evaluates @skip and @include.</summary>
internal static class DirectiveValues
{
    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name == "skip" && IfArgument(directive, variables))
            {
                return false;
            }

            if (name == "include" && !IfArgument(directive, variables))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IfArgument(DirectiveNode directive, IReadOnlyDictionary<string, object?> variables)
    {
        var arguments = ArgumentCoercion.Coerce(BuiltInTypes.Skip.Arguments, directive.Arguments, variables);
        return arguments.TryGetValue("if", out var value) && value is true;
    }
}
