using System.Collections.Concurrent;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL;

/// <summary>A parsed and validated document with the operation chosen for execution. Safe to reuse across requests.</summary>
public sealed class PreparedOperation
{
    internal PreparedOperation(
        DocumentNode document,
        OperationDefinitionNode definition,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyList<string> directiveVariables)
    {
        Document = document;
        Definition = definition;
        Fragments = fragments;
        DirectiveVariables = directiveVariables;
    }

    public OperationKind Kind => Definition.Operation;

    public string? Name => Definition.Name?.Value;

    public DocumentNode Document { get; }

    public OperationDefinitionNode Definition { get; }

    internal IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Variables that @skip/@include depend on: field collection is shared per combination of their values.</summary>
    internal IReadOnlyList<string> DirectiveVariables { get; }

    private FieldPlanCache Plans { get; } = new();

    private ConcurrentDictionary<ulong, FieldPlanCache>? _plansBySignature;

    /// <summary>The field plans for these variable values (shared with every request that has the same directive values).</summary>
    internal FieldPlanCache PlansFor(IReadOnlyDictionary<string, object?> variables)
    {
        const int MaxSignatures = 64;
        var names = DirectiveVariables;
        if (names.Count == 0)
        {
            return Plans;
        }

        if (names.Count > 32)
        {
            return new FieldPlanCache();
        }

        ulong signature = 0;
        for (var i = 0; i < names.Count; i++)
        {
            variables.TryGetValue(names[i], out var value);
            ulong code = value switch
            {
                true => 2,
                false => 1,
                _ => 0,
            };
            signature |= code << (2 * i);
        }

        var bySignature = LazyInitializer.EnsureInitialized(ref _plansBySignature);
        if (bySignature.TryGetValue(signature, out var plans))
        {
            return plans;
        }

        return bySignature.Count >= MaxSignatures ? new FieldPlanCache() : bySignature.GetOrAdd(signature, _ => new FieldPlanCache());
    }

    private int _usesIncrementalDelivery = -1;

    /// <summary>Whether the document uses @defer or @stream: only then can a response come in several parts.</summary>
    public bool UsesIncrementalDelivery
    {
        get
        {
            if (_usesIncrementalDelivery < 0)
            {
                _usesIncrementalDelivery = Execution.Incremental.DirectiveScan.UsesDeferOrStream(Document) ? 1 : 0;
            }

            return _usesIncrementalDelivery == 1;
        }
    }

    /// <summary>Depth, aliases and root fields of the operation, measured once.</summary>
    internal Protection.OperationShape? Shape { get; set; }
}
