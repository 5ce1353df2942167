using System.Collections.Concurrent;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL;

/// <summary>What the document cache keeps per query text: the document and its validation outcome.</summary>
internal sealed class PreparedDocument
{
    private readonly ConcurrentDictionary<string, PreparedOperation> _operations = new(StringComparer.Ordinal);

    public PreparedDocument(DocumentNode? document, IReadOnlyList<GraphQLError> errors)
    {
        Document = document;
        Errors = errors;
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        if (document is not null)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments.TryAdd(fragment.FragmentName.Value, fragment);
                }
            }
        }

        Fragments = fragments;
    }

    public DocumentNode? Document { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public PreparedOperation GetOperation(OperationDefinitionNode definition) =>
        _operations.GetOrAdd(definition.Name?.Value ?? string.Empty, _ => new PreparedOperation(
            Document!, definition, Fragments, DirectivesUseVariables(Document!)));

    private static bool DirectivesUseVariables(DocumentNode document)
    {
        var stack = new Stack<SelectionSetNode>();
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable)
            {
                stack.Push(executable.SelectionSet);
            }
        }

        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                foreach (var directive in selection.Directives)
                {
                    if (directive.Arguments.Any(a => a.Value is VariableNode))
                    {
                        return true;
                    }
                }

                var child = selection switch
                {
                    FieldNode field => field.SelectionSet,
                    InlineFragmentNode inline => inline.SelectionSet,
                    _ => null,
                };
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }

        return false;
    }
}
