using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL;

/// <summary>What the document cache keeps per query text: the document and its validation outcome.</summary>
internal sealed class PreparedDocument
{
    private readonly object _gate = new();
    private PreparedOperation? _first;
    private Dictionary<string, PreparedOperation>? _others;

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

    public PreparedOperation GetOperation(OperationDefinitionNode definition)
    {
        var first = Volatile.Read(ref _first);
        if (first is not null && ReferenceEquals(first.Definition, definition))
        {
            return first;
        }

        lock (_gate)
        {
            if (_first is null)
            {
                _first = Create(definition);
                return _first;
            }

            if (ReferenceEquals(_first.Definition, definition))
            {
                return _first;
            }

            _others ??= new Dictionary<string, PreparedOperation>(StringComparer.Ordinal);
            var name = definition.Name?.Value ?? string.Empty;
            if (!_others.TryGetValue(name, out var operation))
            {
                _others[name] = operation = Create(definition);
            }

            return operation;
        }
    }

    private PreparedOperation Create(OperationDefinitionNode definition) =>
        new(Document!, definition, Fragments, DirectiveVariables(Document!));

    private static List<string> DirectiveVariables(DocumentNode document)
    {
        var names = new List<string>();
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
                    foreach (var argument in directive.Arguments)
                    {
                        if (argument.Value is VariableNode variable && !names.Contains(variable.Name.Value))
                        {
                            names.Add(variable.Name.Value);
                        }
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

        return names;
    }
}
