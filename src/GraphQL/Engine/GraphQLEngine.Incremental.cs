using System.Runtime.CompilerServices;
using TaskForge.GraphQL.Execution;

namespace TaskForge.GraphQL;

public sealed partial class GraphQLEngine
{
    /// <summary>
    /// Executes a query or mutation honouring @defer and @stream (docs/adr/0038): yields the initial part, then one
    /// part per wave of deferred fragments and streamed items, the last with <c>hasNext: false</c>. An operation
    /// without active @defer/@stream, or whose variables fail, yields exactly one plain part. The execution timeout
    /// covers the whole response.
    /// </summary>
    public async IAsyncEnumerable<IncrementalPart> ExecuteIncrementalAsync(
        PreparedOperation operation, GraphQLRequest request, RequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!operation.UsesIncrementalDelivery || operation.Kind == OperationKind.Subscription)
        {
            yield return IncrementalPart.Plain(await ExecuteAsync(operation, request, context, cancellationToken).ConfigureAwait(false));
            yield break;
        }

        var variables = CoerceVariables(operation, request, out var variableErrors);
        if (variableErrors is not null)
        {
            yield return IncrementalPart.Plain(ExecutionResult.FromErrors(variableErrors));
            yield break;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.ExecutionTimeout is { } timeout)
        {
            timeoutSource.CancelAfter(timeout);
        }

        var state = new ExecutionState(Schema, operation, variables, context, _logger, timeoutSource.Token, incremental: true);
        await foreach (var part in new Executor(state).ExecuteIncrementallyAsync(Options.RootValue).ConfigureAwait(false))
        {
            yield return part;
        }
    }
}
