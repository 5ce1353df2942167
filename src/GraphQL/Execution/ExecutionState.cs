using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.DataLoader;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>Everything one execution shares: schema, operation, coerced variables, request, errors, loaders.</summary>
internal sealed class ExecutionState
{
    private List<GraphQLError>? _errors;
    private readonly object _errorsGate = new();

    public ExecutionState(
        Schema schema,
        PreparedOperation operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestContext requestContext,
        ILogger logger,
        CancellationToken cancellationToken,
        bool incremental = false)
    {
        Schema = schema;
        Operation = operation;
        Variables = variables;
        RequestContext = requestContext;
        DataLoaders = new DataLoaderRegistry(cancellationToken);
        Logger = logger;
        CancellationToken = cancellationToken;
        // Incremental executions collect per execution: which fragments are deferred depends on their variables.
        Incremental = incremental ? new Incremental.IncrementalState() : null;
        Plans = incremental ? new FieldPlanCache() : operation.PlansFor(variables);
    }

    /// <summary>Set when @defer/@stream are honoured in this execution.</summary>
    public Incremental.IncrementalState? Incremental { get; }

    public Schema Schema { get; }

    public PreparedOperation Operation { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public RequestContext RequestContext { get; }

    public ILogger Logger { get; }

    public CancellationToken CancellationToken { get; }

    public DataLoaderRegistry DataLoaders { get; }

    public FieldPlanCache Plans { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => Operation.Fragments;

    public void AddError(GraphQLError error)
    {
        lock (_errorsGate)
        {
            (_errors ??= []).Add(error);
        }
    }

    public int ErrorCount
    {
        get
        {
            lock (_errorsGate)
            {
                return _errors?.Count ?? 0;
            }
        }
    }

    public List<GraphQLError> ErrorsSince(int start)
    {
        lock (_errorsGate)
        {
            return _errors is null || _errors.Count <= start ? [] : _errors.GetRange(start, _errors.Count - start);
        }
    }

    public IReadOnlyList<GraphQLError> TakeErrors()
    {
        lock (_errorsGate)
        {
            return _errors is null ? [] : [.. _errors];
        }
    }
}
