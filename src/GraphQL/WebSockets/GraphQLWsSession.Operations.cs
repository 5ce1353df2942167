using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>The operations of a connection: subscribe, next/error/complete, and client-side complete.</summary>
internal sealed partial class GraphQLWsSession
{
    private const string TooManyOperations = "TOO_MANY_OPERATIONS";

    private async Task SubscribeAsync(GraphQLWsIncomingMessage message)
    {
        if (!_acknowledged)
        {
            await CloseAsync(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (message.Id is null || message.Payload is null)
        {
            await CloseAsync(GraphQLWsCloseCodes.BadRequest, "Invalid message received: subscribe needs an 'id' and a 'payload'.");
            return;
        }

        if (!TryReadRequest(message.Payload, out var request, out var error))
        {
            await CloseAsync(GraphQLWsCloseCodes.BadRequest, $"Invalid message received: {error}");
            return;
        }

        if (_operations.Count >= options.MaxOperationsPerConnection && !_operations.ContainsKey(message.Id))
        {
            var tooMany = GraphQLError.WithCode(
                $"This connection already runs {options.MaxOperationsPerConnection} operations; complete one first.", TooManyOperations);
            await SendAsync(GraphQLWsMessageWriter.Error(message.Id, [tooMany]), CancellationToken.None);
            return;
        }

        var operation = new RunningOperation(CancellationTokenSource.CreateLinkedTokenSource(_sessionCts.Token));
        if (!_operations.TryAdd(message.Id, operation))
        {
            operation.Cancellation.Dispose();
            await CloseAsync(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {message.Id} already exists");
            return;
        }

        operation.Task = RunOperationAsync(message.Id, request, operation);
    }

    private async Task CompleteAsync(GraphQLWsIncomingMessage message)
    {
        if (message.Id is null)
        {
            await CloseAsync(GraphQLWsCloseCodes.BadRequest, "Invalid message received: complete needs an 'id'.");
            return;
        }

        if (_operations.TryRemove(message.Id, out var operation))
        {
            await operation.CancelAsync();
        }
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, RunningOperation operation)
    {
        await Task.Yield();
        var cancellationToken = operation.Cancellation.Token;
        try
        {
            var prepared = engine.Prepare(request);
            if (!prepared.IsSuccess)
            {
                await SendAsync(GraphQLWsMessageWriter.Error(id, prepared.Errors), cancellationToken);
                return;
            }

            var context = _context!;
            if (prepared.Operation.Kind == OperationKind.Subscription)
            {
                await foreach (var result in engine.SubscribeAsync(prepared.Operation, request, context, cancellationToken))
                {
                    if (!result.HasData)
                    {
                        // The subscription could not start (variables, source stream): an error ends the operation.
                        await SendAsync(GraphQLWsMessageWriter.Error(id, result.Errors ?? []), cancellationToken);
                        return;
                    }

                    await SendAsync(GraphQLWsMessageWriter.Next(id, result), cancellationToken);
                }
            }
            else if (prepared.Operation.UsesIncrementalDelivery)
            {
                // @defer/@stream: one next message per part, as graphql-ws carries graphql-js 17's incremental results.
                await foreach (var part in engine.ExecuteIncrementalAsync(prepared.Operation, request, context, cancellationToken))
                {
                    await SendAsync(GraphQLWsMessageWriter.Next(id, part), cancellationToken);
                }
            }
            else
            {
                var result = await engine.ExecuteAsync(prepared.Operation, request, context, cancellationToken);
                await SendAsync(GraphQLWsMessageWriter.Next(id, result), cancellationToken);
            }

            await SendAsync(GraphQLWsMessageWriter.Complete(id), cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Completed by the client, or the connection closed or broke.
        }
        catch (Exception e)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            logger.LogError(e, "GraphQL WebSocket operation {OperationId} failed {TraceId}", id, traceId);
            var masked = new GraphQLError(
                "Unexpected error.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId });
            try
            {
                await SendAsync(GraphQLWsMessageWriter.Error(id, [masked]), cancellationToken);
            }
            catch (Exception sendFailure) when (sendFailure is WebSocketException or OperationCanceledException)
            {
                // The connection is gone too.
            }
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, RunningOperation>(id, operation));
            operation.Cancellation.Dispose();
        }
    }

    private async Task StopOperationsAsync()
    {
        var running = _operations.Values.Select(o => o.Task).OfType<Task>().ToArray();
        foreach (var operation in _operations.Values)
        {
            await operation.CancelAsync();
        }

        await Task.WhenAll(running);
    }

    private static bool TryReadRequest(Dictionary<string, object?> payload, out GraphQLRequest request, out string error)
    {
        request = null!;
        error = string.Empty;
        payload.TryGetValue("query", out var query);
        var persisted = payload.GetValueOrDefault("extensions") is IReadOnlyDictionary<string, object?> ext && ext.ContainsKey("persistedQuery");
        if (query is not string && !(query is null && persisted))
        {
            error = "the subscribe payload needs a 'query' string.";
            return false;
        }

        payload.TryGetValue("operationName", out var operationName);
        payload.TryGetValue("variables", out var variables);
        payload.TryGetValue("extensions", out var extensions);
        if (operationName is not (null or string) || variables is not (null or IReadOnlyDictionary<string, object?>) ||
            extensions is not (null or IReadOnlyDictionary<string, object?>))
        {
            error = "'operationName' must be a string and 'variables' and 'extensions' objects.";
            return false;
        }

        request = new GraphQLRequest(
            (string?)query, (string?)operationName, (IReadOnlyDictionary<string, object?>?)variables, (IReadOnlyDictionary<string, object?>?)extensions);
        return true;
    }

    private sealed class RunningOperation(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task? Task { get; set; }

        public async Task CancelAsync()
        {
            try
            {
                await Cancellation.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The operation finished on its own meanwhile.
            }
        }
    }
}
