using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation;

/// <summary>What rules see: schema, document, current types, fragments and variable usages; and where they report.</summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxNode, List<VariableUsage>> _usages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, List<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(Schema schema, DocumentNode document, List<GraphQLError> errors)
    {
        Schema = schema;
        Document = document;
        TypeInfo = new TypeInfo(schema);
        _errors = errors;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.FragmentName.Value, fragment);
            }
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    public void ReportError(string message, params SyntaxNode[] nodes)
    {
        var locations = new SourceLocation[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            locations[i] = Document.GetLocation(nodes[i].Start);
        }

        _errors.Add(GraphQLError.WithCode(message, ErrorCodes.ValidationFailed, locations));
    }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>Spreads directly inside a selection set (through inline fragments, not into other fragments).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var stack = new Stack<SelectionSetNode>();
        stack.Push(selectionSet);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } child }:
                        stack.Push(child);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation reaches, directly or through other fragments.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(operation.SelectionSet);
        while (toVisit.Count > 0)
        {
            foreach (var spread in GetFragmentSpreads(toVisit.Pop()))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Push(fragment.SelectionSet);
                }
            }
        }

        return fragments;
    }

    /// <summary>Variables used inside a definition, with the input type expected where each appears.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (_usages.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var collector = new UsageCollector(new TypeInfo(Schema));
        SyntaxWalker.Walk(definition, collector);
        var usages = collector.Usages;
        _usages[definition] = usages;
        return usages;
    }

    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        return usages;
    }
}

/// <summary>Collects variable references with the input type where each appears (variable definitions skipped).</summary>
internal sealed class UsageCollector(TypeInfo typeInfo) : ISyntaxVisitor
{
    public List<VariableUsage> Usages { get; } = [];

    public bool Enter(SyntaxNode node)
    {
        if (node is VariableDefinitionNode)
        {
            return false;
        }

        typeInfo.Enter(node);
        if (node is VariableNode variable)
        {
            Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValue, typeInfo.ParentInputType));
        }

        return true;
    }

    public void Leave(SyntaxNode node) => typeInfo.Leave(node);
}

/// <summary>A variable reference and the type (and default value) of the position it appears in.</summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, (bool Has, object? Value) DefaultValue, GraphQLType? ParentType);
