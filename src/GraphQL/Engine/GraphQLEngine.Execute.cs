using System.Runtime.CompilerServices;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL;

public sealed partial class GraphQLEngine
{
    /// <summary>
    /// Coerces the variables and executes the prepared operation. Field errors yield partial results;
    /// variable errors yield errors without data. A timeout yields the EXECUTION_TIMEOUT error.
    /// </summary>
    public async ValueTask<ExecutionResult> ExecuteAsync(
        PreparedOperation operation, GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var variables = CoerceVariables(operation, request, out var variableErrors);
        if (variableErrors is not null)
        {
            return ExecutionResult.FromErrors(variableErrors);
        }

        if (Options.ExecutionTimeout is not { } timeout)
        {
            var state = new ExecutionState(Schema, operation, variables, context, _logger, cancellationToken);
            return await new Executor(state).ExecuteAsync(Options.RootValue).ConfigureAwait(false);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var timedState = new ExecutionState(Schema, operation, variables, context, _logger, timeoutSource.Token);
        var execution = new Executor(timedState).ExecuteAsync(Options.RootValue).AsTask();
        try
        {
            return await execution.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && (exception is TimeoutException || (exception is OperationCanceledException && timeoutSource.IsCancellationRequested)))
        {
            await timeoutSource.CancelAsync().ConfigureAwait(false);
            return ExecutionResult.FromErrors([GraphQLError.WithCode(
                $"The operation did not complete within {timeout.TotalMilliseconds:0} ms.", ErrorCodes.ExecutionTimeout)]);
        }
    }

    /// <summary>
    /// Runs a subscription: resolves the source stream of its root field and yields one result per source event.
    /// When the subscription cannot start (bad variables, no stream bound, the subscribe resolver failed), the
    /// stream yields exactly one result without data (<see cref="ExecutionResult.HasData"/> false) and ends:
    /// graphql-transport-ws sends that one as an <c>error</c> message.
    /// </summary>
    public async IAsyncEnumerable<ExecutionResult> SubscribeAsync(
        PreparedOperation operation,
        GraphQLRequest request,
        RequestContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var variables = CoerceVariables(operation, request, out var variableErrors);
        if (variableErrors is not null)
        {
            yield return ExecutionResult.FromErrors(variableErrors);
            yield break;
        }

        var source = await SubscriptionSource.CreateAsync(Schema, operation, variables, context, _logger, Options.RootValue, cancellationToken)
            .ConfigureAwait(false);
        if (source.Error is not null)
        {
            yield return source.Error;
            yield break;
        }

        await foreach (var result in MapEventsAsync(source, operation, variables, context, cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    private async IAsyncEnumerable<ExecutionResult> MapEventsAsync(
        SubscriptionSource source,
        PreparedOperation operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.Events!.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var state = new ExecutionState(Schema, operation, variables, context, _logger, cancellationToken);
            yield return await new Executor(state).ExecuteEventAsync(source.RootType!, source.Fields!, source.RootFor(item))
                .ConfigureAwait(false);
        }
    }

    private IReadOnlyDictionary<string, object?> CoerceVariables(
        PreparedOperation operation, GraphQLRequest request, out List<GraphQLError>? errors)
    {
        var list = new List<GraphQLError>();
        var variables = VariableCoercion.Coerce(
            Schema, operation.Document, operation.Definition.VariableDefinitions, JsonValues.NormalizeMap(request.Variables), list);
        errors = list.Count > 0 ? list : null;
        return variables;
    }
}
