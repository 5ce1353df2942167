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
        bool usesVariablesInDirectives)
    {
        Document = document;
        Definition = definition;
        Fragments = fragments;
        UsesVariablesInDirectives = usesVariablesInDirectives;
    }

    public OperationKind Kind => Definition.Operation;

    public string? Name => Definition.Name?.Value;

    public DocumentNode Document { get; }

    public OperationDefinitionNode Definition { get; }

    internal IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>When false, field collection does not depend on variables and its result is shared.</summary>
    internal bool UsesVariablesInDirectives { get; }

    internal FieldPlanCache Plans { get; } = new();

    /// <summary>Depth, aliases and root fields of the operation, measured once.</summary>
    internal Protection.OperationShape? Shape { get; set; }
}
