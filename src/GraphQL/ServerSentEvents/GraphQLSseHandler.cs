using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using TaskForge.GraphQL.Http;
using HttpRequestError = TaskForge.GraphQL.Http.HttpRequestError;

namespace TaskForge.GraphQL.ServerSentEvents;

/// <summary>
/// The graphql-sse protocol (GraphQL over Server-Sent Events, docs/adr/0037). Distinct connections mode: a GET or
/// POST accepting <c>text/event-stream</c> gets its results as <c>next</c> events, then <c>complete</c>; errors
/// found before execution come as a <c>next</c> event too. Single connection mode: see the other part.
/// </summary>
internal sealed partial class GraphQLSseHandler(GraphQLEngine engine, GraphQLSseOptions options, GraphQLHttpOptions http, ILogger logger)
{
    public const string TokenHeader = "X-GraphQL-Event-Stream-Token";

    /// <summary>Whether this request belongs to the SSE transport rather than plain GraphQL over HTTP.</summary>
    public bool Serves(HttpContext context)
    {
        if (!options.Enabled)
        {
            return false;
        }

        return (options.SingleConnection && (HttpMethods.IsPut(context.Request.Method) || Token(context.Request) is not null))
            || AcceptsEventStream(context.Request);
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (options.SingleConnection && (HttpMethods.IsPut(context.Request.Method) || Token(context.Request) is not null))
            {
                await HandleSingleConnectionAsync(context);
                return;
            }

            await HandleDistinctAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            logger.LogError(e, "GraphQL SSE request failed unexpectedly {TraceId}", traceId);
            var masked = new GraphQLError(
                "Unexpected error.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId });
            await GraphQLHttpResponseWriter.WriteAsync(
                context.Response, ResponseMediaType.Json, StatusCodes.Status500InternalServerError, ExecutionResult.FromErrors([masked]), CancellationToken.None);
        }
    }

    /// <summary>
    /// True when the client prefers an event stream: <c>text/event-stream</c> has the highest quality of the acceptable
    /// types, the first listed on a tie. A client listing JSON first (urql's and Apollo's defaults list both) gets JSON.
    /// </summary>
    internal static bool AcceptsEventStream(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        MediaTypeHeaderValue? best = null;
        foreach (var type in accepted)
        {
            var known = type.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase);
            if (known && (type.Quality ?? 1) > 0 && (best is null || (type.Quality ?? 1) > (best.Quality ?? 1)))
            {
                best = type;
            }
        }

        return best is not null && best.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Token(HttpRequest request)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (string.IsNullOrEmpty(token))
        {
            token = request.Query["token"].ToString();
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }

    private async Task HandleDistinctAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var (request, requestContext, prepared) = await ReadAndPrepareAsync(context, cancellationToken);
        if (request is null)
        {
            return;
        }

        var stream = await SseStream.StartAsync(context.Response, cancellationToken);
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAliveTask = stream.KeepAliveAsync(options.KeepAliveInterval, keepAlive.Token);
        try
        {
            await foreach (var result in RunAsync(prepared!, request, requestContext!, cancellationToken))
            {
                await stream.WriteAsync(SseStream.Next(result), cancellationToken);
            }

            await stream.WriteAsync(SseStream.Complete(), cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client closed the stream: that is how it stops a subscription.
        }
        finally
        {
            await keepAlive.CancelAsync();
            await keepAliveTask;
        }
    }

    /// <summary>
    /// Reads the request like GraphQL over HTTP does and prepares it. Transport-level problems (body, media type, a
    /// refused caller, a mutation over GET) are answered as plain HTTP errors and give a null request.
    /// </summary>
    private async Task<(GraphQLRequest? Request, RequestContext? Context, PrepareResult? Prepared)> ReadAndPrepareAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        var read = await GraphQLHttpRequestReader.ReadAsync(context.Request, http, cancellationToken);
        if (read.Batch is not null)
        {
            await WriteHttpErrorAsync(context, StatusCodes.Status400BadRequest, "Event streams carry one operation: send one JSON object.", cancellationToken);
            return default;
        }

        if (!read.IsSuccess)
        {
            await GraphQLHttpResponseWriter.WriteErrorAsync(context.Response, ResponseMediaType.Json, read.Error!, cancellationToken);
            return default;
        }

        RequestContext requestContext;
        try
        {
            requestContext = await http.ContextFactory(context);
        }
        catch (GraphQLRequestRejectedException rejected)
        {
            await WriteHttpErrorAsync(context, rejected.StatusCode, rejected.Message, cancellationToken);
            return default;
        }

        var prepared = engine.Prepare(read.Request);
        if (prepared.IsSuccess && prepared.Operation.Kind == OperationKind.Mutation && HttpMethods.IsGet(context.Request.Method))
        {
            await GraphQLHttpResponseWriter.WriteErrorAsync(context.Response, ResponseMediaType.Json,
                new HttpRequestError(StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent with GET: use POST.", "POST"), cancellationToken);
            return default;
        }

        return (read.Request, requestContext, prepared);
    }

    /// <summary>The results of one operation: the errors that stopped it, its one result (or its incremental parts), or a subscription's events.</summary>
    private async IAsyncEnumerable<IncrementalPart> RunAsync(
        PrepareResult prepared, GraphQLRequest request, RequestContext context,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!prepared.IsSuccess)
        {
            yield return IncrementalPart.Plain(prepared.ToErrorResult());
            yield break;
        }

        if (prepared.Operation.Kind != OperationKind.Subscription && prepared.Operation.UsesIncrementalDelivery)
        {
            await foreach (var part in engine.ExecuteIncrementalAsync(prepared.Operation, request, context, cancellationToken))
            {
                yield return part;
            }

            yield break;
        }

        if (prepared.Operation.Kind != OperationKind.Subscription)
        {
            yield return IncrementalPart.Plain(await ExecuteMaskedAsync(prepared.Operation, request, context, cancellationToken));
            yield break;
        }

        await foreach (var result in engine.SubscribeAsync(prepared.Operation, request, context, cancellationToken))
        {
            yield return IncrementalPart.Plain(result);
            if (!result.HasData)
            {
                yield break;
            }
        }
    }

    private async Task<ExecutionResult> ExecuteMaskedAsync(PreparedOperation operation, GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.ExecuteAsync(operation, request, context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? string.Empty;
            logger.LogError(e, "GraphQL SSE operation failed {TraceId}", traceId);
            return ExecutionResult.FromErrors([new GraphQLError(
                "Unexpected error.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId })]);
        }
    }

    private static Task WriteHttpErrorAsync(HttpContext context, int status, string message, CancellationToken cancellationToken) =>
        GraphQLHttpResponseWriter.WriteErrorAsync(context.Response, ResponseMediaType.Json, new HttpRequestError(status, message), cancellationToken);
}
