using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Execution.Incremental;

/// <summary>Finds @defer and @stream anywhere in an executable document.</summary>
internal static class DirectiveScan
{
    public static bool UsesDeferOrStream(DocumentNode document) =>
        document.Definitions.Any(d => d switch
        {
            OperationDefinitionNode operation => Uses(operation.SelectionSet),
            FragmentDefinitionNode fragment => Uses(fragment.SelectionSet),
            _ => false,
        });

    private static bool Uses(SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Any(d => d.Name.Value is "defer" or "stream"))
            {
                return true;
            }

            var inner = selection switch
            {
                FieldNode field => field.SelectionSet,
                InlineFragmentNode inline => inline.SelectionSet,
                _ => null,
            };
            if (inner is not null && Uses(inner))
            {
                return true;
            }
        }

        return false;
    }
}
